package raypool.web.pool;

import java.util.List;

/** The pool as the web service reaches it: read a view, run XAPI calls. XAPI's refusals arrive as XapiErrors. */
public interface PoolGateway {
    PoolView read();

    /** Runs the calls in order; returns each one's result as text (a ref for a create, "" for a void call). */
    List<String> run(List<XapiCall> calls);
}
