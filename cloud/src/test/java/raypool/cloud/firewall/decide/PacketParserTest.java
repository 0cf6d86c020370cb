package raypool.cloud.firewall.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raypool.cloud.firewall.match.Packet;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.Ipv4;

class PacketParserTest {

    @Test
    void readsTheDocumentedSyntax() {
        assertEquals(new Packet(false, 6, Direction.IN, Ipv4.parse("10.1.2.3"), 22, PacketParser.EPHEMERAL, false),
                PacketParser.parse("tcp,in,remote=10.1.2.3,port=22"));
        assertEquals(new Packet(false, 17, Direction.OUT, Ipv4.parse("8.8.8.8"), 53, PacketParser.EPHEMERAL, false),
                PacketParser.parse("dns,out,remote=8.8.8.8"));
        assertEquals(new Packet(false, 17, Direction.IN, Ipv4.parse(PacketParser.DEFAULT_REMOTE), 68, 67, false),
                PacketParser.parse("dhcp,in"));
        assertEquals(new Packet(true, 0, Direction.OUT, Ipv4.parse("10.0.0.1"), 0, 0, false), PacketParser.parse("arp,out,remote=10.0.0.1"));
        assertEquals(new Packet(false, 6, Direction.IN, Ipv4.parse("10.0.0.1"), 40000, 443, true),
                PacketParser.parse("tcp,in,remote=10.0.0.1,port=40000,sport=443,state=est"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp|'tcp' needs at least a protocol and a direction, e.g. tcp,in,port=22",
        "tcp,up,port=1|direction 'up' is not in or out",
        "tcp,in|tcp needs port=N (the destination port)",
        "tcp,in,port=70000|port '70000' is not a whole number from 0 to 65535",
        "icmp,in,port=1|ports need tcp or udp",
        "sctp,in|protocol 'sctp' is not one of arp, icmp, tcp, udp, ip, dhcp, dns",
        "tcp,in,port=22,colour=red|unknown key 'colour' (remote, port, sport, proto, state)",
        "tcp,in,remote=10.1.2,port=22|'10.1.2' is not an IPv4 address",
        "arp,in,state=est|an arp packet has no ports, IP protocol or connection state",
    })
    void badPacketsSayWhy(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> PacketParser.parse(text)).getMessage());
    }
}
