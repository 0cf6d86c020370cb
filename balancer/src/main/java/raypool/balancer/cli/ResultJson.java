package raypool.balancer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import raypool.balancer.sim.ReplayResult;

/** The replay's JSON, with the field names design.md fixes. */
final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    static ObjectNode toJson(ReplayResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("policy", r.policy());
        o.put("rules", r.rules());
        o.put("trace_dir", r.traceDir());
        o.put("hosts", r.hosts());
        o.put("vms", r.vms());
        o.put("energy_kwh", r.energyKwh());
        o.put("slatah", r.slatah());
        o.put("pdm", r.pdm());
        o.put("slav", r.slav());
        o.put("esv", r.esv());
        o.put("migrations", r.migrations());
        ObjectNode d = o.putObject("decision_ms");
        d.put("p50", r.decisionMs().p50());
        d.put("p99", r.decisionMs().p99());
        d.put("max", r.decisionMs().max());
        o.put("wall_s", r.wallS());
        return o;
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
