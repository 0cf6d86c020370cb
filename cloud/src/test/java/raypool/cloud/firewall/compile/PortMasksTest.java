package raypool.cloud.firewall.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import raypool.cloud.firewall.policy.PortRange;

class PortMasksTest {

    @Test
    void splitsARangeIntoAlignedBlocks() {
        assertEquals(List.of(new PortMasks.Block(8000, 0xffc0), new PortMasks.Block(8064, 0xffe0), new PortMasks.Block(8096, 0xfffc),
                new PortMasks.Block(8100, 0xffff)), PortMasks.of(new PortRange(8000, 8100)));
        assertEquals(List.of(new PortMasks.Block(22, 0xffff)), PortMasks.of(PortRange.of(22)));
        assertEquals("0x1f40/0xffc0", PortMasks.of(new PortRange(8000, 8100)).getFirst().text());
    }

    @Test
    void theBlocksMatchExactlyThePortsOfTheRange() {
        Random random = new Random(3);
        for (int n = 0; n < 300; n++) {
            int a = random.nextInt(65536);
            int b = random.nextInt(65536);
            PortRange r = new PortRange(Math.min(a, b), Math.max(a, b));
            List<PortMasks.Block> blocks = PortMasks.of(r);
            for (int probe = 0; probe < 200; probe++) {
                int port = probe < 4 ? new int[] {r.low(), r.high(), r.low() - 1, r.high() + 1}[probe] : random.nextInt(65536);
                int hits = 0;
                for (PortMasks.Block k : blocks) {
                    hits += (port & k.mask()) == k.value() ? 1 : 0;
                }
                assertEquals(r.contains(port) ? 1 : 0, port < 0 || port > 65535 ? 0 : hits, r + " port " + port);
            }
        }
    }
}
