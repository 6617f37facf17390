package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hop of X-Forwarded-For is the client, without the framework. */
class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(Cidrs.parse(List.of("10.0.0.0/8", "192.168.1.10", "2001:db8:aa::/48")));
    private final ClientAddress direct = new ClientAddress(Cidrs.parse(List.of()));

    @Test
    void takesTheRightMostHopThatIsNotATrustedProxy() {
        assertEquals("203.0.113.9", behindProxies.resolve("10.1.2.3", List.of("198.51.100.1, 203.0.113.9, 10.0.0.7")));
        assertEquals("203.0.113.9", behindProxies.resolve("192.168.1.10", List.of("198.51.100.1", "203.0.113.9:51234, 10.9.9.9")));
        assertEquals("2001:db8:bb::5", behindProxies.resolve("2001:db8:aa::1", List.of("[2001:db8:bb::5]:443")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeaderSays() {
        assertEquals("198.51.100.77", behindProxies.resolve("198.51.100.77", List.of("10.0.0.1, 203.0.113.1")));
        assertEquals("192.168.1.11", behindProxies.resolve("192.168.1.11", List.of("203.0.113.1")));
    }

    @Test
    void aTrustedPeerWithoutHeaderIsItselfAndAllTrustedHopsGiveTheLeftMost() {
        assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", List.of()));
        assertEquals("10.0.0.9", behindProxies.resolve("10.0.0.5", List.of("10.0.0.9, 10.0.0.8")));
        assertEquals("unknown", behindProxies.resolve("10.0.0.5", List.of("203.0.113.1, unknown")));
    }

    @Test
    void cidrBlocksMatchByPrefixAndNeverByName() {
        Cidrs c = Cidrs.parse(List.of("172.16.0.0/12", "::1"));
        assertTrue(c.contains("172.31.255.255"));
        assertFalse(c.contains("172.32.0.0"));
        assertTrue(c.contains("::1"));
        assertFalse(c.contains("localhost"));
        assertFalse(direct.resolve("127.0.0.1", List.of("203.0.113.1")).equals("203.0.113.1"));
        assertThrows(IllegalStateException.class, () -> Cidrs.parse(List.of("10.0.0.0/33")));
        assertThrows(IllegalStateException.class, () -> Cidrs.parse(List.of("proxy.example.org")));
    }
}
