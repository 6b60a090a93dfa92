package launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1 and authentication on: the user neo4j's
 * password is generated at the first start and kept in {@code <dataDir>/neo4j-password} (mode
 * 0600), where the Node side (db/embedded-auth.ts) reads it. Loopback alone is no boundary:
 * any local process could otherwise write to the graph past the API's token and read-only console.
 *
 * <p>Protocol with the Node side (db/embedded.ts): exactly one line
 * {@code NEO4J_READY bolt://127.0.0.1:<port>} on stdout once Bolt accepts connections; everything
 * else goes to stderr or to logs under the data directory. The database shuts down cleanly on
 * SIGTERM/SIGINT and when stdin reaches EOF (the parent died or closed the pipe), so an
 * orphaned launcher never outlives the process that started it.
 *
 * <p>While running, {@code <dataDir>/launcher-state.json} holds the pid and Bolt URI so that
 * another process using the same data directory can reuse this database instead of failing on
 * the store lock. It is removed on shutdown.
 */
public final class Neo4jLauncher {
  static final String STATE_FILE = "launcher-state.json";
  /** Exit status when another process holds the store: the Node side then reuses that database. */
  static final int EXIT_STORE_LOCKED = 3;
  /** Exit status when the Bolt port is taken. */
  static final int EXIT_PORT_IN_USE = 4;
  /** The neo4j user's password, readable by the owner only. */
  static final String PASSWORD_FILE = "neo4j-password";
  static final String USER = "neo4j";

  public static void main(String[] args) throws Exception {
    // Keep stdout for the protocol line only: whatever a library prints goes to stderr.
    PrintStream protocolOut = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (HelpRequested e) {
      protocolOut.println(Options.USAGE);
      System.exit(0);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j-launcher: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }

    Path home = options.dataDir.toAbsolutePath();
    Files.createDirectories(home);
    Path stateFile = home.resolve(STATE_FILE);

    Map<String, String> config = new HashMap<>();
    config.put("dbms.security.auth_enabled", "true");
    config.put("dbms.usage_report.enabled", "false");
    config.put("server.memory.pagecache.size", options.pageCache);
    config.put("db.transaction.timeout", options.txTimeout);
    // Bound the heap that queries may take, so that one query (collect() of millions of rows, a
    // huge sort) is refused with MemoryPoolOutOfMemoryError instead of exhausting the heap: half
    // of the heap for all transactions together, a quarter for one. --config overrides either.
    long heap = Runtime.getRuntime().maxMemory();
    config.put("db.memory.transaction.total.max", mebibytes(heap / 2));
    config.put("db.memory.transaction.max", mebibytes(heap / 4));
    config.put("server.directories.logs", home.resolve("logs").toString());
    // Netty otherwise waits a 5 s quiet period before the Bolt server stops; tests stop databases
    // often. An internal setting, checked against the pinned version (strict validation fails
    // start-up if a later version drops it).
    config.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
    config.putAll(options.extraConfig);

    // The builder takes typed settings or a properties file; a file keeps every setting a plain
    // string (as in neo4j.conf), and leaves a record of what this run used next to the store.
    Path configFile = home.resolve("launcher.conf");
    Files.writeString(configFile, toProperties(config), StandardCharsets.UTF_8);

    String password = readOrCreatePassword(home.resolve(PASSWORD_FILE));
    // Neo4j takes an initial password from data/dbms/auth.ini (what `neo4j-admin dbms
    // set-initial-password` writes) while the neo4j user still has its default one: on a new store
    // and on one from before authentication was on. Set that way, Bolt never accepts neo4j/neo4j,
    // not even for the moment between opening its port and an ALTER USER.
    Path initialUsers = home.resolve("data").resolve("dbms").resolve("auth.ini");
    writeInitialPassword(initialUsers, password);

    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .loadPropertiesFromFile(configFile)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.boltPort))
              .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.boltPort))
              .build();
    } catch (RuntimeException e) {
      // One line for the caller's error message; the stack trace goes to a file for whoever digs.
      Path errorLog = home.resolve("logs").resolve("launcher-error.log");
      System.err.println("neo4j-launcher: could not start Neo4j in " + home + ": " + describe(e));
      System.err.println("neo4j-launcher: stack trace in " + errorLog);
      writeStackTrace(errorLog, e);
      System.exit(hasCause(e, "FileLockException") ? EXIT_STORE_LOCKED : hasCause(e, "PortBindException") ? EXIT_PORT_IN_USE : 1);
      return;
    }

    AtomicBoolean stopped = new AtomicBoolean(false);
    Runnable shutdown =
        () -> {
          if (!stopped.compareAndSet(false, true)) return;
          System.err.println("neo4j-launcher: shutting down");
          deleteQuietly(stateFile);
          dbms.shutdown();
          System.err.println("neo4j-launcher: stopped");
        };
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-launcher-shutdown"));

    deleteQuietly(initialUsers);
    // The file above is ignored when the user's password is no longer the default (the password
    // file was lost or replaced): make the stored password the file's one in every case.
    setPassword(dbms, password);

    GraphDatabaseService db = dbms.database("neo4j");
    int port = boundBoltPort(db, options.boltPort);
    String uri = "bolt://127.0.0.1:" + port;
    writeState(stateFile, uri);

    protocolOut.println("NEO4J_READY " + uri);
    protocolOut.flush();

    if (options.watchStdin) watchStdin();
  }

  /**
   * The password in the file, or a new random one written there first (created 0600, never
   * readable by others even for a moment). 24 random bytes: 32 characters, well over Neo4j's
   * minimum length, URL- and shell-safe. This runs before the store lock is taken: two launchers
   * starting at once on a new directory must end up with the same password, so the file is put in
   * place with a hard link, which fails if the other one was first, and then theirs is used.
   */
  static String readOrCreatePassword(Path file) throws IOException {
    if (Files.exists(file)) {
      String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
      // An older or hand-made file may be wider open than it should be.
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      if (existing.length() >= 8) return existing;
      Files.delete(file);
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path tmp = file.resolveSibling(PASSWORD_FILE + ".tmp-" + ProcessHandle.current().pid());
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
      Files.createLink(file, tmp);
      return password;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** auth.ini as SetInitialPasswordCommand writes it (internal API, checked against the pinned version). */
  private static void writeInitialPassword(Path file, String password) throws Exception {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    FileUserRepository users =
        new FileUserRepository(
            new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
    users.start();
    users.create(
        new User(
            USER,
            null,
            SystemGraphCredential.createCredentialForPassword(
                password.getBytes(StandardCharsets.UTF_8), new SecureHasher()),
            false,
            false));
    users.shutdown();
  }

  /**
   * ALTER USER through the embedded API, which runs with full access whatever the auth setting.
   * Neo4j refuses to set the password a user already has: that is the usual case, and fine.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system")
          .executeTransactionally(
              "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      if (describe(e).toLowerCase().contains("cannot be the same")) return;
      System.err.println("neo4j-launcher: could not set the password of user " + USER + ": " + describe(e));
    }
  }

  /** Port 0 asks the OS for a free port; the connector register knows which one it got. */
  private static int boundBoltPort(GraphDatabaseService db, int requested) {
    ConnectorPortRegister ports =
        ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    var address = ports.getLocalAddress(ConnectorType.BOLT);
    return address != null ? address.getPort() : requested;
  }

  private static void writeState(Path stateFile, String uri) throws IOException {
    String json =
        String.format(
            "{\"pid\":%d,\"uri\":\"%s\",\"startedAt\":\"%s\"}%n",
            ProcessHandle.current().pid(), uri, Instant.now());
    Path tmp = stateFile.resolveSibling(STATE_FILE + ".tmp");
    Files.writeString(tmp, json, StandardCharsets.UTF_8);
    Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Blocks until stdin closes, then exits (running the shutdown hook). */
  private static void watchStdin() {
    Thread watcher =
        new Thread(
            () -> {
              InputStream in = System.in;
              byte[] buffer = new byte[256];
              try {
                while (in.read(buffer) != -1) {
                  // Input is ignored; only EOF matters.
                }
              } catch (IOException e) {
                // A broken pipe means the parent is gone too.
              }
              System.err.println("neo4j-launcher: stdin closed");
              System.exit(0);
            },
            "neo4j-launcher-stdin");
    watcher.setDaemon(false);
    watcher.start();
  }

  private static String mebibytes(long bytes) {
    return Math.max(1, bytes / (1024 * 1024)) + "m";
  }

  private static String toProperties(Map<String, String> config) {
    StringBuilder text = new StringBuilder("# Written by neo4j-launcher on every start; edits are overwritten.\n");
    config.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
    return text.toString();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("neo4j-launcher: could not remove " + file + ": " + e.getMessage());
    }
  }

  private static boolean hasCause(Throwable e, String simpleClassName) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals(simpleClassName)) return true;
    }
    return false;
  }

  private static void writeStackTrace(Path file, Throwable e) {
    try {
      Files.createDirectories(file.getParent());
      java.io.StringWriter text = new java.io.StringWriter();
      text.append(Instant.now().toString()).append('\n');
      e.printStackTrace(new java.io.PrintWriter(text));
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    } catch (IOException io) {
      e.printStackTrace(System.err);
    }
  }

  private static String describe(Throwable e) {
    StringBuilder message = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (message.length() > 0) message.append(" <- ");
      message.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return message.toString();
  }

  /** Command line first, then environment, then defaults. */
  static final class Options {
    static final String USAGE =
        "usage: neo4j-launcher [--bolt-port N] [--data-dir DIR] [--pagecache SIZE] [--tx-timeout DURATION]"
            + " [--no-stdin-watch] [--config key=value]...\n"
            + "  prints \"NEO4J_READY bolt://127.0.0.1:<port>\" on stdout when ready; stops on SIGTERM or when\n"
            + "  stdin closes (--no-stdin-watch: only on SIGTERM). Logs: <data-dir>/logs/debug.log.\n"
            + "  Bolt user neo4j, password in <data-dir>/neo4j-password (generated at the first start).\n"
            + "  env: NEO4J_BOLT_PORT (7687), NEO4J_DATA_DIR (.data/neo4j), NEO4J_PAGECACHE (512m),"
            + " NEO4J_TX_TIMEOUT (30s)";

    int boltPort;
    Path dataDir;
    String pageCache;
    String txTimeout;
    boolean watchStdin = true;
    final Map<String, String> extraConfig = new HashMap<>();

    static Options parse(String[] args, Map<String, String> env) {
      Options o = new Options();
      String port = env.getOrDefault("NEO4J_BOLT_PORT", "7687");
      String dataDir = env.getOrDefault("NEO4J_DATA_DIR", ".data/neo4j");
      o.pageCache = env.getOrDefault("NEO4J_PAGECACHE", "512m");
      o.txTimeout = env.getOrDefault("NEO4J_TX_TIMEOUT", "30s");
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--bolt-port" -> port = value(args, ++i, arg);
          case "--data-dir" -> dataDir = value(args, ++i, arg);
          case "--pagecache" -> o.pageCache = value(args, ++i, arg);
          case "--tx-timeout" -> o.txTimeout = value(args, ++i, arg);
          case "--no-stdin-watch" -> o.watchStdin = false;
          case "--help", "-h" -> throw new HelpRequested();
          case "--config" -> {
            String kv = value(args, ++i, arg);
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--config expects key=value, got \"" + kv + "\"");
            o.extraConfig.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
          default -> throw new IllegalArgumentException("unknown argument \"" + arg + "\"");
        }
      }
      try {
        o.boltPort = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        o.boltPort = -1;
      }
      if (o.boltPort < 0 || o.boltPort > 65535) {
        throw new IllegalArgumentException("bolt port must be an integer 0-65535, got \"" + port + "\"");
      }
      o.dataDir = Path.of(dataDir);
      return o;
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) throw new IllegalArgumentException(name + " needs a value");
      return args[i];
    }
  }

  static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super("help", null, false, false);
    }
  }

  private Neo4jLauncher() {}

}
