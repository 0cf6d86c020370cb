package raypool.cloud.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import raypool.xapi.client.Ref;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;

/**
 * Reads a {@link PoolView} through the XAPI client: one get_all_records per class. Fields that older
 * releases lack (VM.order and shutdown_delay came with 6.0, tunnels need Open vSwitch) read as their
 * defaults, as xapi itself would show them.
 */
public final class PoolReader {
    private static final DateTimeFormatter XAPI_DATETIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss'Z'");

    private PoolReader() {
    }

    public static PoolView read(XapiClient client) {
        Map<String, Boolean> live = new LinkedHashMap<>();
        client.call("host_metrics.get_all_records").properties()
                .forEach(e -> live.put(e.getKey(), e.getValue().path("live").asBoolean(true)));
        Map<String, Map<String, String>> ips = new LinkedHashMap<>();
        records(client, "VM_guest_metrics", (ref, r) -> ips.put(ref.value(), map(r, "networks")));
        PoolInfo pool = records(client, "pool", PoolReader::pool).getFirst();
        List<HostView> hosts = records(client, "host", (ref, r) -> host(ref, r, live));
        List<VmView> vms = records(client, "VM", (ref, r) -> vm(ref, r, ips));
        Networks networks = new Networks(records(client, "network", PoolReader::network),
                records(client, "PIF", PoolReader::pif), records(client, "tunnel", PoolReader::tunnel),
                records(client, "VIF", PoolReader::vif), records(client, "SR", PoolReader::sr));
        Instant now = datetime(client.call("host.get_servertime", pool.master()).asText());
        return new PoolView(pool, hosts, vms, networks, now);
    }

    private static <T> List<T> records(XapiClient client, String cls, BiFunction<Ref, JsonNode, T> reader) {
        JsonNode all;
        try {
            all = client.call(cls + ".get_all_records");
        } catch (XapiError e) {
            if (e.code().equals("MESSAGE_METHOD_UNKNOWN")) {
                return List.of();   // a class this server does not have (tunnel without Open vSwitch)
            }
            throw e;
        }
        List<T> out = new ArrayList<>();
        all.properties().forEach(e -> out.add(reader.apply(new Ref(e.getKey()), e.getValue())));
        return out;
    }

    private static PoolInfo pool(Ref ref, JsonNode r) {
        return new PoolInfo(ref, text(r, "uuid"), text(r, "name_label"), new Ref(text(r, "master")),
                r.path("ha_enabled").asBoolean(false), r.path("wlb_enabled").asBoolean(false), text(r, "wlb_url"));
    }

    private static HostView host(Ref ref, JsonNode r, Map<String, Boolean> live) {
        Map<String, String> licence = map(r, "license_params");
        Map<String, String> server = map(r, "license_server");
        Map<String, String> software = map(r, "software_version");
        return new HostView(ref, text(r, "uuid"), text(r, "name_label"), text(r, "address"),
                r.path("enabled").asBoolean(false), live.getOrDefault(text(r, "metrics"), false), text(r, "edition"),
                expiry(licence.getOrDefault("expiry", "never")),
                server.getOrDefault("address", "") + ":" + server.getOrDefault("port", "27000"),
                text(r, "external_auth_type"), text(r, "external_auth_service_name"),
                software.getOrDefault("product_version", ""), new Ref(text(r, "management_interface")), refs(r, "resident_VMs"));
    }

    private static VmView vm(Ref ref, JsonNode r, Map<String, Map<String, String>> ips) {
        Map<String, String> networks = ips.getOrDefault(text(r, "guest_metrics"), Map.of());
        Map<String, String> byDevice = new LinkedHashMap<>();
        networks.forEach((k, v) -> {
            if (k.endsWith("/ip")) {
                byDevice.put(k.substring(0, k.length() - "/ip".length()), v);
            }
        });
        return new VmView(ref, text(r, "uuid"), text(r, "name_label"), text(r, "power_state"),
                new Ref(text(r, "resident_on")), r.path("is_a_template").asBoolean(false),
                r.path("is_control_domain").asBoolean(false), r.path("is_a_snapshot").asBoolean(false),
                r.path("order").asLong(0), r.path("shutdown_delay").asLong(0), text(r, "HVM_boot_policy"),
                map(r, "HVM_boot_params"), text(r, "PV_bootloader"), map(r, "other_config"), refs(r, "VIFs"), byDevice);
    }

    private static NetworkView network(Ref ref, JsonNode r) {
        return new NetworkView(ref, text(r, "uuid"), text(r, "name_label"), text(r, "bridge"), r.path("MTU").asLong(1500),
                map(r, "other_config"));
    }

    private static PifView pif(Ref ref, JsonNode r) {
        return new PifView(ref, text(r, "uuid"), new Ref(text(r, "host")), new Ref(text(r, "network")), text(r, "device"),
                r.path("management").asBoolean(false), text(r, "IP"), !refs(r, "tunnel_access_PIF_of").isEmpty(),
                !text(r, "bond_slave_of").isEmpty() && !text(r, "bond_slave_of").equals(Ref.NULL.value()),
                r.path("VLAN").asLong(-1));
    }

    private static TunnelView tunnel(Ref ref, JsonNode r) {
        return new TunnelView(ref, new Ref(text(r, "access_PIF")), new Ref(text(r, "transport_PIF")),
                r.path("protocol").asText("gre"), "true".equals(map(r, "status").get("active")));
    }

    private static VifView vif(Ref ref, JsonNode r) {
        return new VifView(ref, new Ref(text(r, "VM")), new Ref(text(r, "network")), text(r, "device"), text(r, "MAC"),
                r.path("currently_attached").asBoolean(false));
    }

    private static SrView sr(Ref ref, JsonNode r) {
        return new SrView(ref, text(r, "uuid"), text(r, "name_label"), text(r, "type"), r.path("shared").asBoolean(false));
    }

    /** A licence's expiry: "never" (or empty) for none, else xapi's datetime or an ISO-8601 instant. */
    static Optional<Instant> expiry(String text) {
        if (text.isEmpty() || text.equals("never")) {
            return Optional.empty();
        }
        return Optional.of(datetime(text));
    }

    /** xapi's datetime (20240101T13:20:11Z) or an ISO-8601 instant. */
    static Instant datetime(String text) {
        try {
            if (text.length() == 18 && text.charAt(8) == 'T') {
                return LocalDateTime.parse(text, XAPI_DATETIME).toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a XAPI datetime: \"" + text + "\"", e);
        }
    }

    private static String text(JsonNode r, String field) {
        return r.path(field).asText("");
    }

    private static List<Ref> refs(JsonNode r, String field) {
        List<Ref> out = new ArrayList<>();
        r.path(field).forEach(n -> out.add(new Ref(n.asText())));
        return List.copyOf(out);
    }

    private static Map<String, String> map(JsonNode r, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        r.path(field).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
