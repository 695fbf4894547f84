package org.defensefund.tracker.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** A chart's JSON sits in a script element: a name can't end the script, and reads back as typed. */
class ChartScriptTest {

    @Test
    void aNameHoldingMarkupStaysInsideItsJsonString() {
        String name = "</script><script>alert('x')</script> \"><img src=x onerror=alert(1)> & Co";
        String json = DashboardBacking.scriptSafe(Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder().add(name)).build().toString());
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertEquals(name, Json.createReader(new StringReader(json)).readObject().getJsonArray("labels").getString(0), "the same name when read");
    }
}
