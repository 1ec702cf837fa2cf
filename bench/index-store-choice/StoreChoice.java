import java.nio.file.*;
import java.sql.*;
import java.util.*;
import org.h2.mvstore.*;

/** Prototype: import 1M synthetic patients into SQLite and H2 MVStore; open time, lookups, heap. */
public class StoreChoice {
  static final String[] FAM = {"SMITH","JONES","TAYLOR","BROWN","WILLIAMS","WILSON","JOHNSON","DAVIES","PATEL","ROBINSON","WRIGHT","THOMPSON","EVANS","WALKER","WHITE","ROBERTS","GREEN","HALL","THOMAS","CLARKE","JACKSON","WOOD","HARRIS","EDWARDS","TURNER","MARTIN","COOPER","HILL","WARD","HUGHES","MOORE","CLARK","KING","HARRISON","LEWIS","BAKER","LEE","ALLEN","MORRIS","KHAN","SCOTT","WATSON","DAVIS","PARKER","JAMES","BENNETT","YOUNG","PHILLIPS","RICHARDSON","MITCHELL","BAILEY","CARTER","COOK","SINGH","SHAW","BELL","COLLINS","MORGAN","KELLY","BEGUM","MILLER","COX","HUSSAIN","MARSHALL","SIMPSON","PRICE","ANDERSON","ADAMS","WILKINSON","ALI","WARD","CHAPMAN","MASON","WEBB","ROGERS","GRAY","HUNT","AHMED","ELLIS","OWEN","KNIGHT","PALMER","MILLS","BARNES","HOLMES","LLOYD","BUTLER","RUSSELL","FOSTER","MURPHY"};
  static final String[] GIV = {"Oliver","George","Harry","Jack","Jacob","Noah","Charlie","Muhammad","Thomas","Oscar","William","James","Olivia","Amelia","Isla","Ava","Emily","Sophia","Grace","Mia","Poppy","Ella","Sarah","Mary","Margaret","Susan","David","John","Michael","Paul","Peter","Aisha","Zainab","Arjun","Priya","Stephen","Patricia","Linda","Barbara","Elizabeth"};
  static String nhs(int i) { // valid mod 11
    for (long base = 400000000L + i * 13L; ; base++) {
      String d = String.format("%09d", base % 1000000000L); int s = 0;
      for (int k = 0; k < 9; k++) s += (d.charAt(k) - '0') * (10 - k);
      int c = 11 - s % 11; if (c == 11) c = 0; if (c == 10) continue; return d + c; }
  }
  static String[] row(int i, Random r) {
    String n = nhs(i);
    String fam = FAM[(int) Math.min(FAM.length - 1, Math.abs(r.nextGaussian()) * FAM.length / 2.5)];
    String giv = GIV[r.nextInt(GIV.length)];
    String dob = java.time.LocalDate.of(1920, 1, 1).plusDays(r.nextInt(38000)).toString();
    return new String[]{n, String.format("K%07d", i), fam, giv, dob, r.nextBoolean() ? "F" : "M", "LE" + r.nextInt(20) + " " + r.nextInt(10) + "AB"};
  }
  static long heap() { for (int i = 0; i < 3; i++) System.gc(); Runtime rt = Runtime.getRuntime(); return (rt.totalMemory() - rt.freeMemory()) / 1048576; }
  static int N = 1_000_000;
  public static void main(String[] a) throws Exception {
    String which = a[0]; Path dir = Path.of(a[1]); Files.createDirectories(dir);
    if (a.length > 2) N = Integer.parseInt(a[2]);
    if (which.startsWith("sqlite")) sqlite(dir, which.equals("sqlite-open"));
    else mv(dir, which.equals("mv-open"));
  }
  static void report(String what, long[] ns) { Arrays.sort(ns); System.out.printf("%s p50 %.1f us p99 %.1f us%n", what, ns[ns.length/2]/1e3, ns[ns.length*99/100]/1e3); }
  static void sqlite(Path dir, boolean openOnly) throws Exception {
    Path f = dir.resolve("p.db");
    if (!openOnly) {
      Files.deleteIfExists(f);
      long t = System.nanoTime();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA journal_mode=OFF"); s.execute("PRAGMA synchronous=OFF");
          s.execute("CREATE TABLE patient(nhs TEXT PRIMARY KEY, mrn TEXT, family TEXT, given TEXT, dob TEXT, sex TEXT, postcode TEXT, fkey TEXT) WITHOUT ROWID");
        }
        c.setAutoCommit(false);
        Random r = new Random(1);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO patient VALUES(?,?,?,?,?,?,?,?)")) {
          for (int i = 0; i < N; i++) { String[] x = row(i, r); for (int k = 0; k < 7; k++) p.setString(k + 1, x[k]); p.setString(8, x[2]); p.addBatch(); if (i % 10000 == 9999) p.executeBatch(); }
          p.executeBatch();
        }
        try (Statement s = c.createStatement()) {
          s.execute("CREATE UNIQUE INDEX by_mrn ON patient(mrn)"); s.execute("CREATE INDEX by_name ON patient(fkey, dob)");
        }
        c.commit();
      }
      System.out.printf("sqlite import %.1f s, file %d MB, heap now %d MB%n", (System.nanoTime() - t) / 1e9, Files.size(f) / 1048576, heap());
    }
    long h0 = heap();
    long t = System.nanoTime();
    Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + f + "?mode=ro", props());
    PreparedStatement byNhs = c.prepareStatement("SELECT * FROM patient WHERE nhs=?");
    PreparedStatement byMrn = c.prepareStatement("SELECT * FROM patient WHERE mrn=?");
    PreparedStatement byName = c.prepareStatement("SELECT * FROM patient WHERE fkey=? AND dob=? LIMIT 20");
    byNhs.setString(1, nhs(5)); try (ResultSet rs = byNhs.executeQuery()) { rs.next(); }
    System.out.printf("sqlite open+first lookup %.0f ms%n", (System.nanoTime() - t) / 1e6);
    Random r = new Random(7); int M = 100_000; long[] a1 = new long[M], a2 = new long[M], a3 = new long[M / 10];
    for (int i = 0; i < M; i++) { int k = r.nextInt(N); long s = System.nanoTime(); byNhs.setString(1, nhs(k)); try (ResultSet rs = byNhs.executeQuery()) { if (!rs.next()) throw new AssertionError(); rs.getString(3); } a1[i] = System.nanoTime() - s; }
    for (int i = 0; i < M; i++) { int k = r.nextInt(N); long s = System.nanoTime(); byMrn.setString(1, String.format("K%07d", k)); try (ResultSet rs = byMrn.executeQuery()) { if (!rs.next()) throw new AssertionError(); } a2[i] = System.nanoTime() - s; }
    Random g = new Random(1);
    for (int i = 0; i < M / 10; i++) { String[] x = row(i * 7, g); long s = System.nanoTime(); byName.setString(1, x[2]); byName.setString(2, x[4]); int n = 0; try (ResultSet rs = byName.executeQuery()) { while (rs.next()) n++; } a3[i] = System.nanoTime() - s; }
    report("sqlite by nhs", a1); report("sqlite by mrn", a2); report("sqlite by name+dob", a3);
    System.out.printf("sqlite heap delta after open+lookups %d MB (before %d)%n", heap() - h0, h0);
    System.out.printf("RSS %s%n", Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM")).findFirst().get());
  }
  static java.util.Properties props() { return new java.util.Properties(); }
  static void mv(Path dir, boolean openOnly) throws Exception {
    Path f = dir.resolve("p.mv");
    if (!openOnly) {
      Files.deleteIfExists(f);
      long t = System.nanoTime();
      MVStore s = new MVStore.Builder().fileName(f.toString()).autoCommitDisabled().cacheSize(16).open();
      MVMap<String, String> nhsMap = s.openMap("nhs"); MVMap<String, String> mrnMap = s.openMap("mrn"); MVMap<String, String> nameMap = s.openMap("name");
      Random r = new Random(1);
      for (int i = 0; i < N; i++) { String[] x = row(i, r); nhsMap.put(x[0], String.join("\u001f", x)); mrnMap.put(x[1], x[0]); nameMap.put(x[2] + "\u0000" + x[4] + "\u0000" + x[0], ""); if (i % 50000 == 0) s.commit(); }
      s.commit(); long tc = System.nanoTime(); if (System.getProperty("compact") != null) s.compactFile(60000); System.out.printf("compact %.1f s%n", (System.nanoTime()-tc)/1e9); s.close();
      System.out.printf("mvstore import %.1f s, file %d MB, heap now %d MB%n", (System.nanoTime() - t) / 1e9, Files.size(f) / 1048576, heap());
    }
    long h0 = heap();
    long t = System.nanoTime();
    MVStore s = new MVStore.Builder().fileName(f.toString()).readOnly().cacheSize(16).open();
    MVMap<String, String> nhsMap = s.openMap("nhs"); MVMap<String, String> mrnMap = s.openMap("mrn"); MVMap<String, String> nameMap = s.openMap("name");
    nhsMap.get(nhs(5));
    System.out.printf("mvstore open+first lookup %.0f ms%n", (System.nanoTime() - t) / 1e6);
    Random r = new Random(7); int M = 100_000; long[] a1 = new long[M], a2 = new long[M], a3 = new long[M / 10];
    for (int i = 0; i < M; i++) { int k = r.nextInt(N); long st = System.nanoTime(); if (nhsMap.get(nhs(k)) == null) throw new AssertionError(); a1[i] = System.nanoTime() - st; }
    for (int i = 0; i < M; i++) { int k = r.nextInt(N); long st = System.nanoTime(); String n = mrnMap.get(String.format("K%07d", k)); if (nhsMap.get(n) == null) throw new AssertionError(); a2[i] = System.nanoTime() - st; }
    Random g = new Random(1);
    for (int i = 0; i < M / 10; i++) { String[] x = row(i * 7, g); long st = System.nanoTime(); String from = x[2] + "\u0000" + x[4] + "\u0000"; int n = 0;
      Iterator<String> it = nameMap.keyIterator(from); while (it.hasNext() && n < 20) { String k = it.next(); if (!k.startsWith(from)) break; nhsMap.get(k.substring(from.length())); n++; } a3[i] = System.nanoTime() - st; }
    report("mvstore by nhs", a1); report("mvstore by mrn", a2); report("mvstore by name+dob", a3);
    System.out.printf("mvstore heap delta after open+lookups %d MB (before %d)%n", heap() - h0, h0);
    System.out.printf("RSS %s%n", Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM")).findFirst().get());
  }
}
