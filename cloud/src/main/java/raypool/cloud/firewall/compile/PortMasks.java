package raypool.cloud.firewall.compile;

import java.util.ArrayList;
import java.util.List;
import raypool.cloud.firewall.policy.PortRange;

/**
 * Splits a port range into the fewest value/mask pairs that OpenFlow can match (aligned power-of-two blocks),
 * e.g. 8000-8100 into 8000/0xffc0 (8000-8063), 8064/0xffe0, 8096/0xfffc, 8100/0xffff.
 */
final class PortMasks {

    /** One aligned block: {@code value/mask}. */
    record Block(int value, int mask) {
        String text() {
            return mask == 0xffff ? Integer.toString(value) : "0x" + Integer.toHexString(value) + "/0x" + Integer.toHexString(mask);
        }
    }

    private PortMasks() {
    }

    static List<Block> of(PortRange range) {
        List<Block> blocks = new ArrayList<>();
        int low = range.low();
        int high = range.high();
        while (low <= high) {
            int size = low == 0 ? 1 << 16 : Integer.lowestOneBit(low);
            while (low + size - 1 > high) {
                size >>= 1;
            }
            blocks.add(new Block(low, 0xffff & ~(size - 1)));
            low += size;
        }
        return List.copyOf(blocks);
    }
}
