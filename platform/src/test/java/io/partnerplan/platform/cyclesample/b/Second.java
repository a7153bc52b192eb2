package io.partnerplan.platform.cyclesample.b;

/** The other half of the deliberate package cycle. */
public class Second {
    public io.partnerplan.platform.cyclesample.a.First back() {
        return new io.partnerplan.platform.cyclesample.a.First();
    }
}
