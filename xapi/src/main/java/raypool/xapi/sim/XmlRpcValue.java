package raypool.xapi.sim;

/**
 * A task's result as xapi stores it: the call's return value marshalled as an XML-RPC {@code <value>}
 * fragment, whichever protocol the client speaks (CloudStack and the SDKs strip the tags), in the
 * encoding {@link XmlRpc} writes.
 */
final class XmlRpcValue {
    static final String VOID = "<value></value>";

    private XmlRpcValue() {
    }

    static String render(Object value) {
        StringBuilder out = new StringBuilder();
        XmlRpc.appendValue(out, value);
        return out.toString();
    }
}
