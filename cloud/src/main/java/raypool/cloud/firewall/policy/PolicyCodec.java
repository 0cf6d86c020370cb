package raypool.cloud.firewall.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one reader and writer of policy files (YAML, or JSON, which is also YAML). Reading keeps the line of
 * every rule and rejects the first bad field as {@code file:line: field: message}; writing produces text that
 * reads back to the same policy.
 */
public final class PolicyCodec {

    /** The two spellings of a policy file. */
    public enum Format { YAML, JSON }

    private static final Set<String> TOP_FIELDS = Set.of("fail_mode", "builtin_defaults", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("level", "target", "kind", "action", "protocol", "direction",
            "port", "remote", "id");
    private static final ObjectMapper YAML_OUT = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON_OUT = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyCodec() {
    }

    /** Reads a policy file; the file is named in messages as given. */
    public static Policy read(Path path) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PolicyException(name, 0, "file", "no such file");
        } catch (MalformedInputException e) {
            throw new PolicyException(name, 0, "file", "not UTF-8 text");
        } catch (IOException e) {
            throw new PolicyException(name, 0, "file", "cannot be read: " + e.getMessage());
        }
        return parse(name, text);
    }

    public static Policy parse(String file, String text) {
        Located root = new LocatedReader(file).read(text);
        if (!(root instanceof Located.Mapping top)) {
            throw new PolicyException(file, root.line(), "policy", "expected a mapping with fail_mode, builtin_defaults and rules");
        }
        FailMode failMode = FailMode.SECURE;
        boolean builtins = true;
        List<Rule> rules = List.of();
        for (Located.Entry e : top.entries()) {
            if (!TOP_FIELDS.contains(e.key())) {
                throw new PolicyException(file, e.line(), e.key(), "unknown field (expected one of fail_mode, builtin_defaults, rules)");
            }
            switch (e.key()) {
                case "fail_mode" -> failMode = word(file, e, FailMode.class);
                case "builtin_defaults" -> builtins = bool(file, e);
                default -> rules = rules(file, e);
            }
        }
        return new Policy(file, failMode, builtins, rules);
    }

    private static List<Rule> rules(String file, Located.Entry entry) {
        if (!(entry.value() instanceof Located.Sequence seq)) {
            if (entry.value() instanceof Located.Scalar s && "null".equals(s.text())) {
                return List.of();
            }
            throw new PolicyException(file, entry.line(), "rules", "expected a list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        Map<Long, Integer> ids = new HashMap<>();
        for (Located item : seq.items()) {
            if (!(item instanceof Located.Mapping m)) {
                throw new PolicyException(file, item.line(), "rules", "each rule is a mapping of fields");
            }
            Rule rule = rule(file, m);
            if (rule.id().isPresent()) {
                Integer first = ids.putIfAbsent(rule.id().getAsLong(), rule.origin().line());
                if (first != null) {
                    throw new PolicyException(file, rule.origin().line(), "id", rule.id().getAsLong() + " is already the id of the rule on line "
                            + first);
                }
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private static Rule rule(String file, Located.Mapping m) {
        Rule.Builder b = Rule.builder().origin(new Origin(file, m.line()));
        Map<String, Located.Entry> fields = new LinkedHashMap<>();
        for (Located.Entry e : m.entries()) {
            if (!RULE_FIELDS.contains(e.key())) {
                throw new PolicyException(file, e.line(), e.key(), "unknown field (expected one of level, target, kind, action, "
                        + "protocol, direction, port, remote, id)");
            }
            fields.put(e.key(), e);
        }
        for (String required : List.of("level", "kind", "action", "protocol")) {
            if (!fields.containsKey(required)) {
                throw new PolicyException(file, m.line(), required, "missing");
            }
        }
        Level level = word(file, fields.get("level"), Level.class);
        b.level(level).kind(word(file, fields.get("kind"), Kind.class)).action(word(file, fields.get("action"), Action.class));
        Protocol protocol = word(file, fields.get("protocol"), Protocol.class);
        b.protocol(protocol);
        Located.Entry target = fields.get("target");
        if (level == Level.GLOBAL && target != null) {
            throw new PolicyException(file, target.line(), "target", "a global rule has no target");
        }
        if (level != Level.GLOBAL) {
            if (target == null) {
                throw new PolicyException(file, m.line(), "target", "missing: a " + level.word() + " rule names its "
                        + level.word() + " (name or UUID)");
            }
            String name = scalar(file, target);
            if (name.isBlank()) {
                throw new PolicyException(file, target.line(), "target", "empty");
            }
            b.target(name);
        }
        if (fields.containsKey("direction")) {
            b.direction(word(file, fields.get("direction"), Direction.class));
        }
        Located.Entry port = fields.get("port");
        if (port != null) {
            if (!protocol.takesPort()) {
                throw new PolicyException(file, port.line(), "port", "only tcp and udp rules take a port, not " + protocol.word());
            }
            b.port(parsed(file, port, PortRange::parse));
        }
        if (fields.containsKey("remote")) {
            b.remote(parsed(file, fields.get("remote"), Ipv4Cidr::parse));
        }
        Located.Entry id = fields.get("id");
        if (id != null) {
            long value = parsed(file, id, Long::parseLong);
            if (value <= 0 || value >= 0xB0000000L) {
                throw new PolicyException(file, id.line(), "id", "must be a whole number from 1 to " + (0xB0000000L - 1));
            }
            b.id(value);
        }
        return b.build();
    }

    private interface Parse<T> {
        T apply(String text);
    }

    private static <T> T parsed(String file, Located.Entry e, Parse<T> parse) {
        String text = scalar(file, e);
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException bad) {
            String why = bad instanceof NumberFormatException ? "'" + text + "' is not a whole number" : bad.getMessage();
            throw new PolicyException(file, e.line(), e.key(), why);
        }
    }

    private static String scalar(String file, Located.Entry e) {
        if (!(e.value() instanceof Located.Scalar s)) {
            throw new PolicyException(file, e.line(), e.key(), "expected a single value");
        }
        return s.text();
    }

    private static boolean bool(String file, Located.Entry e) {
        String text = scalar(file, e);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PolicyException(file, e.line(), e.key(), "expected true or false, not '" + text + "'");
        };
    }

    private static <E extends Enum<E>> E word(String file, Located.Entry e, Class<E> type) {
        String text = scalar(file, e);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        List<String> words = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            words.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new PolicyException(file, e.line(), e.key(), "'" + text + "' is not one of " + String.join(", ", words));
    }

    /** The policy as text that {@link #parse} reads back to an equal policy (origins aside). */
    public static String write(Policy policy, Format format) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("fail_mode", policy.failMode().word());
        top.put("builtin_defaults", policy.builtinDefaults());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule r : policy.rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", r.level().word());
            r.target().ifPresent(t -> m.put("target", t));
            m.put("kind", r.kind().word());
            m.put("action", r.action().word());
            m.put("protocol", r.protocol().word());
            m.put("direction", r.direction().word());
            r.port().ifPresent(p -> m.put("port", p.low() == p.high() ? (Object) p.low() : p.toString()));
            m.put("remote", r.remote().toString());
            r.id().ifPresent(id -> m.put("id", id));
            rules.add(m);
        }
        top.put("rules", rules);
        try {
            return (format == Format.YAML ? YAML_OUT : JSON_OUT).writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
