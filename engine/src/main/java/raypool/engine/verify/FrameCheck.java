package raypool.engine.verify;

/**
 * One rendered frame compared with the scalar reference render of the same scene and frame index.
 *
 * @param frameIndex      the frame's index in the scene's animation
 * @param sha256          of the frame's pixels
 * @param referenceSha256 of the reference's pixels
 * @param maxChannelDiff  largest difference of any channel of any pixel (0 = bit-identical)
 * @param fractionWithin  share of pixels whose channels all differ by at most the tolerance
 * @param verified        the share meets the tolerance's requirement
 */
public record FrameCheck(int frameIndex, String sha256, String referenceSha256, int maxChannelDiff,
                         double fractionWithin, boolean verified) {
}
