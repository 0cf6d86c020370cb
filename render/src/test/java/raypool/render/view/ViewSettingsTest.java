package raypool.render.view;

import org.junit.jupiter.api.Test;
import raypool.engine.kernel.KernelKind;
import raypool.engine.schedule.StripePolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_A;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_B;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_EQUAL;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_ADD;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_MINUS;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_P;

class ViewSettingsTest {

    private final ViewSettings two = new ViewSettings(2, StripePolicy.STATIC, KernelKind.SCALAR, true);

    @Test
    void plusAndMinusChangeThreadsWithinBounds() {
        assertEquals(3, two.after(ViewCommand.MORE_THREADS).threads());
        assertEquals(1, two.after(ViewCommand.FEWER_THREADS).threads());
        assertEquals(1, two.after(ViewCommand.FEWER_THREADS).after(ViewCommand.FEWER_THREADS).threads());
        ViewSettings max = new ViewSettings(ViewSettings.MAX_THREADS, StripePolicy.STATIC, KernelKind.SCALAR, true);
        assertEquals(ViewSettings.MAX_THREADS, max.after(ViewCommand.MORE_THREADS).threads());
        assertThrows(IllegalArgumentException.class, () -> new ViewSettings(0, StripePolicy.STATIC, KernelKind.SCALAR, true));
    }

    @Test
    void policyCyclesThroughAllAndBufferingToggles() {
        ViewSettings s = two;
        for (StripePolicy expected : new StripePolicy[] {StripePolicy.INTERLEAVED, StripePolicy.DYNAMIC, StripePolicy.STATIC}) {
            s = s.after(ViewCommand.NEXT_POLICY);
            assertEquals(expected, s.policy());
        }
        assertFalse(two.after(ViewCommand.TOGGLE_BUFFERING).buffered());
        assertEquals(two, two.after(ViewCommand.TOGGLE_BUFFERING).after(ViewCommand.TOGGLE_BUFFERING));
        assertEquals(KernelKind.values()[1 % KernelKind.values().length], two.after(ViewCommand.NEXT_KERNEL).kernel());
        assertSame(two, two.after(ViewCommand.SAVE_PNG));
    }

    @Test
    void keysMapToCommands() {
        assertEquals(ViewCommand.MORE_THREADS, KeyBindings.command(GLFW_KEY_EQUAL).orElseThrow());
        assertEquals(ViewCommand.MORE_THREADS, KeyBindings.command(GLFW_KEY_KP_ADD).orElseThrow());
        assertEquals(ViewCommand.FEWER_THREADS, KeyBindings.command(GLFW_KEY_MINUS).orElseThrow());
        assertEquals(ViewCommand.NEXT_POLICY, KeyBindings.command(GLFW_KEY_P).orElseThrow());
        assertEquals(ViewCommand.TOGGLE_BUFFERING, KeyBindings.command(GLFW_KEY_B).orElseThrow());
        assertEquals(ViewCommand.QUIT, KeyBindings.command(GLFW_KEY_ESCAPE).orElseThrow());
        assertFalse(KeyBindings.command(GLFW_KEY_A).isPresent());
    }
}
