package org.evidencegraph.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, with Bolt on one address and authentication on, until the
 * process is told to stop. The Python CLI starts it; it exists because Maven Central ships
 * Neo4j as libraries, not as a server distribution.
 *
 * Arguments: HOME HOST PORT PAGECACHE_MB. The password for the neo4j user is read from the
 * file named by the environment variable EVIDENCE_NEO4J_PASSWORD_FILE, never from argv.
 */
public final class Neo4jLauncher {
    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Neo4jLauncher HOME HOST PORT PAGECACHE_MB");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        long pageCacheMb = Long.parseLong(args[3]);
        String passwordFile = System.getenv("EVIDENCE_NEO4J_PASSWORD_FILE");
        if (passwordFile == null) {
            System.err.println("EVIDENCE_NEO4J_PASSWORD_FILE is not set");
            System.exit(2);
        }
        String password = Files.readString(Path.of(passwordFile)).strip();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                // an ingest keeps moving the graph's statistics, and Neo4j planned each write query
                // again as they moved (default: at most every 10 s), about a third of its CPU in an
                // ingest; the queries seek by unique keys, so their plans do not change
                .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofMinutes(5))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }));
        setPassword(dbms, password);
        System.out.println("READY bolt://" + host + ":" + port);
        System.out.flush();
        stopped.await();
    }

    /** Sets the neo4j user's password unless it is already the one given. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }
}
