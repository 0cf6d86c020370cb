package raypool.web.pool;

import java.util.List;

/** The pool as the web service reaches it: read a view, run XAPI calls. XAPI's refusals arrive as XapiErrors. */
public interface PoolGateway {
    PoolView read();

    void run(List<XapiCall> calls);
}
