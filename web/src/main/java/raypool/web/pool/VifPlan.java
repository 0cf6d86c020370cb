package raypool.web.pool;

/** How to attach a network: the VIF.create call, and whether to plug the new VIF (the VM runs). */
public record VifPlan(XapiCall create, boolean plug) {
}
