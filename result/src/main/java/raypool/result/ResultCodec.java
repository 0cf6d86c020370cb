package raypool.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one codec of raybench result files: snake_case names, absent optional fields left out, unknown
 * fields ignored on reading (files from newer versions stay readable), indented output.
 */
public final class ResultCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private ResultCodec() {
    }

    public static byte[] toBytes(RaybenchResult result) {
        try {
            return MAPPER.writeValueAsBytes(result);
        } catch (JacksonException e) {
            throw new IllegalStateException("a result could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a result file; the exception names the file and, for bad JSON, the line. */
    public static RaybenchResult read(Path file) throws ResultFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultFormatException(file, 0, "no such file");
        } catch (IOException e) {
            throw new ResultFormatException(file, 0, "cannot read (" + e.getMessage() + ")");
        }
        try {
            RaybenchResult r = MAPPER.readValue(bytes, RaybenchResult.class);
            if (r == null || r.kernel() == null || r.fps() == null || r.image() == null || r.host() == null) {
                throw new ResultFormatException(file, 0, "not a raybench result (no kernel, fps, image or host)");
            }
            return r;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new ResultFormatException(file, at != null ? Math.max(0, at.getLineNr()) : 0,
                "not a raybench result (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ResultFormatException(file, 0, "cannot read (" + e.getMessage() + ")");
        }
    }
}
