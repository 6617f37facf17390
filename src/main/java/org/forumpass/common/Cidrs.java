package org.forumpass.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** A list of address blocks (CIDR: 10.0.0.0/8, 2001:db8::/32, or one address), matched without DNS. */
public final class Cidrs {
    private record Block(byte[] network, int prefix) {
    }

    private final List<Block> blocks;

    private Cidrs(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses every entry; a malformed one fails the start, naming FORUMPASS_TRUSTED_PROXIES. */
    public static Cidrs parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String e = raw.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] addr = literal(slash < 0 ? e : e.substring(0, slash));
            int prefix;
            try {
                prefix = slash < 0 ? addr == null ? -1 : addr.length * 8 : Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException ex) {
                prefix = -1;
            }
            if (addr == null || prefix < 0 || prefix > addr.length * 8) {
                throw new IllegalStateException("FORUMPASS_TRUSTED_PROXIES: '" + e + "' is not an address or a CIDR block");
            }
            blocks.add(new Block(addr, prefix));
        }
        return new Cidrs(List.copyOf(blocks));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean contains(String address) {
        byte[] a = literal(address);
        if (a == null) {
            return false;
        }
        for (Block b : blocks) {
            if (b.network.length == a.length && matches(b, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Block b, byte[] a) {
        int full = b.prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b.network[i]) {
                return false;
            }
        }
        int rest = b.prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[full] & mask) == (b.network[full] & mask);
    }

    /** "1.2.3.4:80" -> "1.2.3.4", "[2001:db8::1]:80" -> "2001:db8::1"; anything else unchanged. */
    static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** The bytes of an IP literal (IPv4-mapped IPv6 as IPv4), or null; never a DNS lookup. */
    private static byte[] literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 45 || !s.matches("[0-9A-Fa-f:.]+") || s.indexOf(':') < 0 && !s.matches("[0-9.]+")) {
            return null;
        }
        if (s.indexOf(':') < 0 && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
