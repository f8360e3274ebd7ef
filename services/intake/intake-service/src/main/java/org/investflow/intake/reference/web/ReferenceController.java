package org.investflow.intake.reference.web;

import java.util.List;

import org.investflow.intake.reference.District;
import org.investflow.intake.reference.Industry;
import org.investflow.intake.reference.ReferenceData;
import org.investflow.intake.screening.NegativeList;
import org.investflow.intake.screening.ScreeningProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the portal's form offers, served without a token (documented public endpoints): industries,
 * districts and development zones, and the negative list in force.
 */
@RestController
@RequestMapping("/api/reference")
class ReferenceController {

    private final ReferenceData reference;
    private final NegativeList negativeList;

    ReferenceController(ReferenceData reference, ScreeningProperties settings) {
        this.reference = reference;
        this.negativeList = NegativeList.shipped(settings.negativeListEdition());
    }

    @GetMapping("/industries")
    List<Industry> industries() {
        return reference.industries();
    }

    @GetMapping("/districts")
    List<District> districts() {
        return reference.districts();
    }

    @GetMapping("/negative-list")
    NegativeList negativeList() {
        return negativeList;
    }
}
