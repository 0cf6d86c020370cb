package raypool.cloud.firewall.compile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/** The one reader and writer of port map files (JSON). */
public final class PortMapCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new Jdk8Module())
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PortMapCodec() {
    }

    public static String write(PortMap map) {
        try {
            return JSON.writeValueAsString(map) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a port map is always writable", e);
        }
    }

    /** Reads a port map; the message of a bad one names the line. */
    public static PortMap read(String name, String text) {
        try {
            return JSON.readValue(text, PortMap.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(name + ":" + line + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        }
    }
}
