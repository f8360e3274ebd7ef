import { describe, expect, it } from 'vitest';
import type { CaseSources } from './timeline';
import { stagesEntered, stagesShown, timelineRows } from './timeline';

const SUBMITTED = '2026-12-01T08:00:00Z';
const ACCEPTED = '2026-12-02T08:00:00Z';
const OPENED = '2026-12-02T08:00:01Z';
const AGREED = '2026-12-04T10:00:00Z';

function sources(overrides: Partial<CaseSources>): CaseSources {
  return { intention: { caseId: 'CQ-2026-000001', status: 'IN_REVIEW', submittedAt: SUBMITTED }, pipeline: null,
    negotiation: null, envelope: null, ...overrides };
}

describe('the timeline', () => {
  it('starts with the submitted intention before project tracking knows the case', () => {
    expect(stagesEntered(sources({}))).toEqual({ INTENTION: SUBMITTED });
  });

  it('shows the agreement as soon as negotiation says agreed, though the pipeline still says negotiating', () => {
    const entered = stagesEntered(sources({
      intention: { status: 'ACCEPTED', submittedAt: SUBMITTED, decidedAt: ACCEPTED },
      pipeline: { stage: 'NEGOTIATING', enteredAt: { INTENTION: SUBMITTED, SCREENED: ACCEPTED, NEGOTIATING: OPENED } },
      negotiation: { status: 'AGREED', openedAt: OPENED, agreement: { agreedAt: AGREED } },
    }));
    expect(entered).toEqual({ INTENTION: SUBMITTED, SCREENED: ACCEPTED, NEGOTIATING: OPENED, AGREED });
  });

  it('keeps the pipeline’s own times where it has them', () => {
    const pipelineAgreed = '2026-12-04T10:00:02Z';
    const entered = stagesEntered(sources({
      intention: { status: 'ACCEPTED', submittedAt: SUBMITTED, decidedAt: ACCEPTED },
      pipeline: { stage: 'AGREED', enteredAt: { INTENTION: SUBMITTED, AGREED: pipelineAgreed } },
      negotiation: { status: 'AGREED', openedAt: OPENED, agreement: { agreedAt: AGREED } },
    }));
    expect(entered.AGREED).toBe(pipelineAgreed);
  });

  it('does not call a reopened negotiation agreed on its own word', () => {
    const entered = stagesEntered(sources({
      intention: { status: 'ACCEPTED', submittedAt: SUBMITTED, decidedAt: ACCEPTED },
      negotiation: { status: 'REOPENED', openedAt: OPENED, agreement: { agreedAt: AGREED } },
    }));
    expect(entered.AGREED).toBeUndefined();
  });

  it('shows the contract signed when the envelope is executed', () => {
    const executed = '2026-12-05T09:00:00Z';
    expect(stagesEntered(sources({ envelope: { status: 'EXECUTED', executedAt: executed } })).CONTRACTED).toBe(executed);
    expect(stagesEntered(sources({ envelope: { status: 'PARTIALLY_SIGNED' } })).CONTRACTED).toBeUndefined();
  });

  it('adds the exit a case took after the usual stages', () => {
    const entered = stagesEntered(sources({ intention: { status: 'REJECTED', submittedAt: SUBMITTED, decidedAt: ACCEPTED } }));
    expect(stagesShown(entered)).toEqual(['INTENTION', 'SCREENED', 'NEGOTIATING', 'AGREED', 'CONTRACTED', 'LANDED', 'REJECTED']);
  });
});

describe('the timeline’s lines', () => {
  it('put what the case waits for right after the last stage reached', () => {
    const rows = timelineRows({ INTENTION: SUBMITTED }, { stage: 'INFORMATION_REQUESTED', waitingFor: 'the land plan' });
    expect(rows.slice(0, 3)).toEqual([
      { stage: 'INTENTION', at: SUBMITTED },
      { stage: 'INFORMATION_REQUESTED', waitingFor: 'the land plan' },
      { stage: 'SCREENED', at: null },
    ]);
  });

  it('are the stages alone when nothing is waited for, those to come included', () => {
    const rows = timelineRows({ INTENTION: SUBMITTED, SCREENED: SUBMITTED }, null);
    expect(rows.map((row) => row.stage)).toEqual(['INTENTION', 'SCREENED', 'NEGOTIATING', 'AGREED', 'CONTRACTED', 'LANDED']);
    expect(rows[2]).toEqual({ stage: 'NEGOTIATING', at: null });
  });

  it('end with the rejection, and no stage still to come, once a case is rejected', () => {
    const rejected = '2026-12-03T08:00:00Z';
    expect(timelineRows({ INTENTION: SUBMITTED, SCREENED: SUBMITTED, REJECTED: rejected }, null)).toEqual([
      { stage: 'INTENTION', at: SUBMITTED }, { stage: 'SCREENED', at: SUBMITTED }, { stage: 'REJECTED', at: rejected },
    ]);
  });

  it('keep the stages to come after a declined contract, as negotiation reopens', () => {
    const rows = timelineRows({ INTENTION: SUBMITTED, DECLINED: AGREED }, null);
    expect(rows.map((row) => row.stage)).toContain('CONTRACTED');
  });
});
