package raypool.bench.compare;

import java.util.List;

/**
 * The original system's machines as its article reports them, on its benchmark (five spheres at 800x600,
 * one moving, a thread per core): published, not measured here. They are reference rows only, never a
 * base for ratios: the figures are read off a video ("about", "12-14") and the program differs.
 *
 * @param fpsLow  lowest figure published
 * @param fpsHigh highest figure published
 */
public record PublishedHost(String name, int threads, double fpsLow, double fpsHigh) {

    public static final List<PublishedHost> ORIGINAL_SYSTEM = List.of(
        new PublishedHost("Intel i3-2100, 3.1 GHz, 2 cores", 2, 0.5, 0.5),
        new PublishedHost("Intel i7-4770, 3.4 GHz, 8 threads", 8, 2, 2),
        new PublishedHost("4x Intel Xeon E7-8860, 2.3 GHz, 80 threads", 80, 12, 14));

    public double fpsMid() {
        return (fpsLow + fpsHigh) / 2;
    }
}
