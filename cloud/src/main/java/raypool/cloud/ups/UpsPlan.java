package raypool.cloud.ups;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import raypool.cloud.report.Report;

/** The ordered shutdown ({@code ups plan}), with warnings the operator should read before power runs out. */
public record UpsPlan(@JsonIgnore List<UpsAction> actions, List<String> warnings) implements Report {
    public UpsPlan {
        actions = List.copyOf(actions);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /** The actions as text, for the JSON document (the records' refs mean little to a reader). */
    @JsonProperty("steps")
    public List<String> steps() {
        return actions.stream().map(UpsAction::describe).toList();
    }

    @Override
    public String text() {
        StringBuilder s = new StringBuilder();
        warnings.forEach(w -> s.append("warning: ").append(w).append('\n'));
        if (actions.isEmpty()) {
            return s.append("nothing to shut down: every VM is halted and every host is down\n").toString();
        }
        s.append("shutdown order:\n");
        for (int i = 0; i < actions.size(); i++) {
            s.append(String.format(Locale.ROOT, "  %2d. %s%n", i + 1, actions.get(i).describe()));
        }
        return s.toString();
    }
}
