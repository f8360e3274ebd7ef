package org.investflow.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client behind a request, for rate limits and audit trails. The TCP peer's address,
 * unless the peer is one of the configured trusted proxies ({@code investflow.web.trusted-proxies});
 * then {@code Forwarded} (or else {@code X-Forwarded-For}) is read from the right, skipping trusted
 * proxies, so the first hop no trusted proxy vouches for is the client. A client cannot choose its address
 * by writing the header: an untrusted peer's headers are ignored and what it prepends is never reached.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    // a colon makes it an IPv6 literal, never a host name, so parsing it resolves nothing
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    private final List<Network> trusted;

    /** @param trustedProxies addresses or CIDR ranges (e.g. {@code 10.0.0.0/8}) of proxies whose forwarded headers count */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Network::parse).toList();
    }

    /** The client's address as text (e.g. {@code 203.0.113.7}), "unknown" when the server saw no peer. */
    public String of(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return peer == null ? "unknown" : peer.getHostString();
        }
        InetAddress client = peer.getAddress();
        List<String> hops = forwardedHops(request.getHeaders());
        for (int hop = hops.size() - 1; hop >= 0 && isTrusted(client); hop--) {
            Optional<InetAddress> forwarded = literal(hops.get(hop));
            if (forwarded.isEmpty()) {
                break;
            }
            client = forwarded.get();
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(network -> network.contains(address));
    }

    /** The hops the proxies recorded, nearest last: RFC 7239 {@code Forwarded} if present, else {@code X-Forwarded-For}. */
    private static List<String> forwardedHops(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = headers.getValuesAsList("Forwarded");
        if (!forwarded.isEmpty()) {
            forwarded.forEach(element -> hops.add(forParameter(element)));
            return hops;
        }
        headers.getValuesAsList("X-Forwarded-For").forEach(value -> hops.add(value.strip()));
        return hops;
    }

    private static String forParameter(String element) {
        return Arrays.stream(element.split(";")).map(String::strip)
                .filter(pair -> pair.regionMatches(true, 0, "for=", 0, 4))
                .map(pair -> node(pair.substring(4).replace("\"", "").strip()))
                .findFirst().orElse("");
    }

    /** The address of a node ({@code 192.0.2.1:8080}, {@code [2001:db8::1]:4711}) without its port. */
    private static String node(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end < 0 ? "" : node.substring(1, end);
        }
        int colon = node.indexOf(':');
        return colon > 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
    }

    private static Optional<InetAddress> literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** An address range: an address and how many leading bits of it count. */
    private static final class Network {

        private final byte[] address;
        private final int prefix;

        private Network(byte[] address, int prefix) {
            this.address = address;
            this.prefix = prefix;
        }

        static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            byte[] address = literal(parts[0]).map(InetAddress::getAddress)
                    .orElseThrow(() -> new IllegalArgumentException("trusted proxy " + cidr + " is not an address or CIDR range"));
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("trusted proxy " + cidr + " has an impossible prefix length");
            }
            return new Network(address, prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((other[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
