package raypool.bench.verify;

/**
 * A frame compared with the scalar reference render of the same scene and frame index.
 *
 * @param verified          at least the required fraction of pixels within the allowed channel difference
 * @param maxChannelDiff    largest difference of any channel of any pixel (0 = bit-identical)
 * @param fractionWithin    fraction of pixels whose channels all differ by at most the allowed amount
 */
public record Verification(String sha256, String referenceSha256, boolean verified, int maxChannelDiff,
                           double fractionWithin, int frameIndex) {
}
