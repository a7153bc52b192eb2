// Creates (or resets) a SCRAM-SHA-512 login on the local broker, over its plain listener, with the
// Admin API: scripts/infra runs it once per broker state (java KafkaScramUser.java, the broker's jars
// on the class path). Usage: KafkaScramUser <bootstrap> <user> <password>
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

public class KafkaScramUser {
    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(args[1],
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), args[2])))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }
}
