package io.partnerplan.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The signing secret shown once to the admin is not what the database holds, before or after a rotation. */
@QuarkusTest
class WebhookSecretAtRestTest {

    @Inject
    DataSource db;
    @Inject
    SecretCipher cipher;

    @Test
    void secretsAreStoredEncryptedAndStillSign() throws Exception {
        String admin = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(), Roles.TENANT_ADMIN);
        JsonPath created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "https://prm.example.com/hook", "eventTypes", List.of("plan.agreed")))
                .post("/api/v1/notifications/webhooks").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String first = created.getString("secret");
        String[] stored = stored(id);
        assertTrue(stored[0].startsWith("enc:v1:"), stored[0]);
        assertFalse(stored[0].contains(first));
        assertEquals(first, cipher.open(stored[0]));

        String second = given().auth().oauth2(admin).post("/api/v1/notifications/webhooks/{id}/rotate-secret", id)
                .then().statusCode(200).extract().jsonPath().getString("secret");
        stored = stored(id);
        assertEquals(second, cipher.open(stored[0]));
        assertEquals(first, cipher.open(stored[1]));
        assertTrue(stored[1].startsWith("enc:v1:"));
    }

    private String[] stored(String id) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("select secret, previous_secret from webhook_subscription where id = ?::uuid")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }
}
