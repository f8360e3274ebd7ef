package org.investflow.portal;

/**
 * The portal's content security policy: scripts, styles and connections from its own origin only
 * (the SPA is built without inline scripts or styles), no framing, and forms may post to the portal
 * and to the issuer (logout redirects there).
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    static String of(PortalSettings settings) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "frame-ancestors 'none'",
                "form-action 'self' " + settings.issuerOrigin());
    }
}
