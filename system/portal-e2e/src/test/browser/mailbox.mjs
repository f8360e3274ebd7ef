// What a signer finds in their mailbox on the real mail server (GreenMail), read over IMAP as a mail
// client would, as system/devstack's SignerMailbox does: the link of an invitation, the code of a code mail.
// A few lines of IMAP4rev1 (LOGIN, EXAMINE, SEARCH, FETCH) on node's own sockets: no mail library needed.
import { connect } from 'node:net';
import { setTimeout as pause } from 'node:timers/promises';

const LINK = /(https?:\/\/\S+?\/sign#token=[A-Za-z0-9_-]+)/;
const CODE = /code for the contract of case \S+ is ([0-9]{6})/;
const DELIVERY_MS = 30_000;
const POLL_MS = 150;

/** The address e-signature mails a platform user at (its default signer-address template). */
export function addressOf(user) {
  return `${user}@users.investflow.local`;
}

export class Mailbox {
  constructor(hostAndPort) {
    const [host, port] = hostAndPort.split(':');
    this.host = host;
    this.port = Number(port);
  }

  /** The texts of the mails about caseId in user's inbox, oldest first. */
  async texts(user, caseId) {
    const session = await ImapSession.open(this.host, this.port);
    try {
      await session.command(`LOGIN "${addressOf(user)}" "${addressOf(user)}"`);
      await session.command('EXAMINE INBOX');
      const found = /\* SEARCH([ \d]*)/.exec(await session.command(`SEARCH SUBJECT "${caseId}"`))[1].trim();
      if (!found) {
        return [];
      }
      const fetched = await session.command(`FETCH ${found.split(' ').join(',')} (BODY.PEEK[])`);
      return literals(fetched).map(decode);
    } finally {
      session.close();
    }
  }

  /** The newest signing link user received for caseId that is not one of spent, once one arrived. */
  async awaitLink(user, caseId, spent = []) {
    return this.#await(async () => {
      const link = newest(await this.texts(user, caseId), LINK);
      return link && !spent.includes(link) ? link : null;
    }, `a signing link for ${user} about ${caseId}`);
  }

  /** How many code mails user received for caseId. */
  async codes(user, caseId) {
    return (await this.texts(user, caseId)).filter((text) => CODE.test(text)).length;
  }

  /** The newest code for caseId, once more than codesBefore arrived. */
  async awaitCode(user, caseId, codesBefore) {
    return this.#await(async () => {
      const texts = await this.texts(user, caseId);
      return texts.filter((text) => CODE.test(text)).length > codesBefore ? newest(texts, CODE) : null;
    }, `a code for ${user} about ${caseId}`);
  }

  /** Polls the mailbox (a real server, mail arrives when e-signature's outbox sends it) until found answers. */
  async #await(found, what) {
    const deadline = Date.now() + DELIVERY_MS;
    for (;;) {
      const value = await found();
      if (value) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(`no ${what} within ${DELIVERY_MS} ms`);
      }
      await pause(POLL_MS);
    }
  }
}

function newest(texts, pattern) {
  return texts.map((text) => pattern.exec(text)?.[1]).filter(Boolean).at(-1) ?? null;
}

/** The message literals ({n} followed by n bytes) of a FETCH answer read as latin1, so characters are bytes. */
function literals(answer) {
  const messages = [];
  const start = /BODY\[\] \{(\d+)\}\r\n/g;
  let match;
  while ((match = start.exec(answer)) !== null) {
    const from = match.index + match[0].length;
    messages.push(answer.substring(from, from + Number(match[1])));
    start.lastIndex = from + Number(match[1]);
  }
  return messages;
}

/** A single-part text mail's body as text, after its transfer encoding (7bit, quoted-printable or base64; UTF-8). */
export function decode(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.substring(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.substring(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body, 'base64')
    : encoding === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (whole, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
      : Buffer.from(body, 'latin1');
  return bytes.toString('utf8');
}

/** One IMAP connection: tagged commands, each answered once its tagged status line arrived. */
class ImapSession {
  static open(host, port) {
    return new Promise((resolve, reject) => {
      const session = new ImapSession(connect({ host, port }));
      session.socket.once('error', reject);
      session.#until(/^\* OK/m).then(() => resolve(session), reject);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.buffer = '';
    this.tag = 0;
    this.waiting = null;
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      this.buffer += chunk;
      this.waiting?.();
    });
  }

  async command(text) {
    const tag = `a${++this.tag}`;
    this.buffer = '';
    this.socket.write(`${tag} ${text}\r\n`);
    const answer = await this.#until(new RegExp(`^${tag} (OK|NO|BAD)`, 'm'));
    if (!new RegExp(`^${tag} OK`, 'm').test(answer)) {
      throw new Error(`IMAP ${text.split(' ')[0]}: ${answer.trim().split('\r\n').at(-1)}`);
    }
    return answer;
  }

  #until(pattern) {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (pattern.test(this.buffer)) {
          this.waiting = null;
          resolve(this.buffer);
        }
      };
      this.socket.once('close', () => reject(new Error('IMAP connection closed')));
      this.waiting = check;
      check();
    });
  }

  close() {
    this.socket.end('a999 LOGOUT\r\n');
    this.socket.destroy();
  }
}
