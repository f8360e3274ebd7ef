package org.investflow.signing;

import java.util.Arrays;

import eu.europa.esig.dss.cms.CMS;
import eu.europa.esig.dss.cms.object.CMSObjectUtils;

/**
 * DSS's CMS parsing for the tests, reading a PDF signature's {@code /Contents} as the PDF specification has it: the CMS
 * followed by the zero bytes that fill the reserved space. DSS 6.3 is built against BouncyCastle 1.81; with the
 * 1.87 InvestFlow runs, {@code new CMSSignedData(byte[])} refuses any byte after the structure ("Extra data detected in
 * stream"), so DSS would find no signature in any PDF whose signature does not fill its placeholder exactly (nearly
 * all). This cuts the padding after the outer DER element and changes nothing else; registered first in
 * {@code META-INF/services/eu.europa.esig.dss.cms.ICMSUtils} of the test classpath.
 */
public class PaddedContentsCmsUtils extends CMSObjectUtils {

    @Override
    public CMS parseToCMS(byte[] binaries) {
        return super.parseToCMS(Arrays.copyOf(binaries, Math.min(binaries.length, derLength(binaries))));
    }

    /** The length of the DER element at the start of {@code der}: tag, length octets and content. */
    static int derLength(byte[] der) {
        if (der.length < 2) {
            return der.length;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int octets = first & 0x7f;
        int length = 0;
        for (int i = 0; i < octets && 2 + i < der.length; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        return 2 + octets + length;
    }
}
