package raypool.render.view;

import java.util.Optional;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_B;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_EQUAL;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_K;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_ADD;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_SUBTRACT;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_MINUS;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_P;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_S;

/**
 * GLFW key codes to view commands. GLFW reports physical keys of a US layout: '+' is shift and the '='
 * key there, so '=' alone counts as '+' too (nobody should need shift to add a thread), as does the
 * keypad's '+'.
 */
public final class KeyBindings {

    private KeyBindings() {
    }

    public static Optional<ViewCommand> command(int key) {
        return Optional.ofNullable(switch (key) {
            case GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD -> ViewCommand.MORE_THREADS;
            case GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT -> ViewCommand.FEWER_THREADS;
            case GLFW_KEY_P -> ViewCommand.NEXT_POLICY;
            case GLFW_KEY_K -> ViewCommand.NEXT_KERNEL;
            case GLFW_KEY_B -> ViewCommand.TOGGLE_BUFFERING;
            case GLFW_KEY_S -> ViewCommand.SAVE_PNG;
            case GLFW_KEY_ESCAPE -> ViewCommand.QUIT;
            default -> null;
        });
    }
}
