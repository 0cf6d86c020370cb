package raypool.xapi.client;

import java.util.List;

/**
 * A failure that XAPI itself reported: an error code and its parameters, as in
 * ocaml/xapi-consts/api_errors.ml. The codes a balancing daemon acts on get their own type so that
 * callers switch over them exhaustively; every other code lands in {@link Other}, which keeps the code
 * and parameters as sent.
 *
 * <p>Unchecked because every XAPI call can fail with any of these, and checked exceptions would
 * only be rethrown unchanged by every layer above.
 */
@SuppressWarnings("serial") // never serialised: errors are handled in-process
public abstract sealed class XapiError extends RuntimeException
        permits XapiError.SessionInvalid, XapiError.HostIsSlave, XapiError.HostOffline,
        XapiError.HostNotDisabled, XapiError.VmBadPowerState, XapiError.OtherOperationInProgress,
        XapiError.LicenceRestriction, XapiError.LicenseExpired, XapiError.RbacPermissionDenied,
        XapiError.EventsLost, XapiError.VmRequiresSr, XapiError.Other {

    private final String code;
    private final List<String> params;
    private final String method;

    private XapiError(String code, List<String> params, String method) {
        super(method + " failed: " + code + (params.isEmpty() ? "" : " " + params));
        this.code = code;
        this.params = List.copyOf(params);
        this.method = method;
    }

    /** The XAPI error code, e.g. {@code VM_BAD_POWER_STATE}. */
    public String code() {
        return code;
    }

    /** The error's parameters in the order XAPI sent them. */
    public List<String> params() {
        return params;
    }

    /** The XAPI method whose call failed, so that a log line says where the error came from. */
    public String method() {
        return method;
    }

    String param(int index) {
        return index < params.size() ? params.get(index) : "";
    }

    /** Maps a code and its parameters to the most specific type. */
    public static XapiError of(String code, List<String> params, String method) {
        return switch (code) {
            case "SESSION_INVALID" -> new SessionInvalid(params, method);
            case "HOST_IS_SLAVE" -> new HostIsSlave(params, method);
            case "HOST_OFFLINE" -> new HostOffline(params, method);
            case "HOST_NOT_DISABLED" -> new HostNotDisabled(params, method);
            case "VM_BAD_POWER_STATE" -> new VmBadPowerState(params, method);
            case "OTHER_OPERATION_IN_PROGRESS" -> new OtherOperationInProgress(params, method);
            case "LICENCE_RESTRICTION" -> new LicenceRestriction(params, method);
            case "LICENSE_EXPIRED" -> new LicenseExpired(params, method);
            case "RBAC_PERMISSION_DENIED" -> new RbacPermissionDenied(params, method);
            case "EVENTS_LOST" -> new EventsLost(params, method);
            case "VM_REQUIRES_SR" -> new VmRequiresSr(params, method);
            default -> new Other(code, params, method);
        };
    }

    /** SESSION_INVALID [handle]: the session was logged out or expired; log in again. */
    public static final class SessionInvalid extends XapiError {
        SessionInvalid(List<String> params, String method) { super("SESSION_INVALID", params, method); }
        public String handle() { return param(0); }
    }

    /** HOST_IS_SLAVE [master address]: we talked to a pool member; only the master serves the API. */
    public static final class HostIsSlave extends XapiError {
        HostIsSlave(List<String> params, String method) { super("HOST_IS_SLAVE", params, method); }
        public String masterAddress() { return param(0); }
    }

    /** HOST_OFFLINE [host]: the host is not live; never a migration target. */
    public static final class HostOffline extends XapiError {
        HostOffline(List<String> params, String method) { super("HOST_OFFLINE", params, method); }
        public String host() { return param(0); }
    }

    /** HOST_NOT_DISABLED: host.shutdown/reboot need host.disable first. */
    public static final class HostNotDisabled extends XapiError {
        HostNotDisabled(List<String> params, String method) { super("HOST_NOT_DISABLED", params, method); }
    }

    /** VM_BAD_POWER_STATE [vm, expected, actual]. */
    public static final class VmBadPowerState extends XapiError {
        VmBadPowerState(List<String> params, String method) { super("VM_BAD_POWER_STATE", params, method); }
        public String vm() { return param(0); }
        public String expected() { return param(1); }
        public String actual() { return param(2); }
    }

    /** OTHER_OPERATION_IN_PROGRESS [class, object, operation, operation ref]: try again later. */
    public static final class OtherOperationInProgress extends XapiError {
        OtherOperationInProgress(List<String> params, String method) {
            super("OTHER_OPERATION_IN_PROGRESS", params, method);
        }
        public String objectClass() { return param(0); }
        public String object() { return param(1); }
    }

    /** LICENCE_RESTRICTION [feature] (XAPI spells this one the British way). */
    public static final class LicenceRestriction extends XapiError {
        LicenceRestriction(List<String> params, String method) { super("LICENCE_RESTRICTION", params, method); }
        public String feature() { return param(0); }
    }

    /** LICENSE_EXPIRED (American spelling, as XAPI sends it). */
    public static final class LicenseExpired extends XapiError {
        LicenseExpired(List<String> params, String method) { super("LICENSE_EXPIRED", params, method); }
    }

    /** RBAC_PERMISSION_DENIED [permission, message]: the session's role may not do this. */
    public static final class RbacPermissionDenied extends XapiError {
        RbacPermissionDenied(List<String> params, String method) {
            super("RBAC_PERMISSION_DENIED", params, method);
        }
        public String permission() { return param(0); }
    }

    /** EVENTS_LOST: the event token is too old; resynchronise with get_all_records. */
    public static final class EventsLost extends XapiError {
        EventsLost(List<String> params, String method) { super("EVENTS_LOST", params, method); }
    }

    /** VM_REQUIRES_SR [vm, sr]: the VM has a disk on storage the target host cannot see. */
    public static final class VmRequiresSr extends XapiError {
        VmRequiresSr(List<String> params, String method) { super("VM_REQUIRES_SR", params, method); }
        public String vm() { return param(0); }
        public String sr() { return param(1); }
    }

    /** Any other code, kept as sent. */
    public static final class Other extends XapiError {
        Other(String code, List<String> params, String method) { super(code, params, method); }
    }
}
