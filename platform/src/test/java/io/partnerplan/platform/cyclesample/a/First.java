package io.partnerplan.platform.cyclesample.a;

/** Half of a deliberate package cycle: PackageCyclesTest shows that the rule catches one. */
public class First {
    public io.partnerplan.platform.cyclesample.b.Second next() {
        return new io.partnerplan.platform.cyclesample.b.Second();
    }
}
