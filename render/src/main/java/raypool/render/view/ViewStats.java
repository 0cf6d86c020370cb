package raypool.render.view;

/** What the overlay shows: a snapshot taken by the window thread from the render loop. */
public record ViewStats(long frames, double fps, double secondsPerFrame, ViewSettings settings) {
}
