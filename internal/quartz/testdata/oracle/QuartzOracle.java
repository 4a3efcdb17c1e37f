// QuartzOracle answers questions about Quartz cron expressions for the
// differential test in ../../differential_test.go.
//
// Input (stdin, UTF-8), one query per line:
//
//     expression<TAB>startEpochMillis<TAB>count<TAB>timeZone
//
// The expression may itself contain tabs; the last three tab-separated
// fields are the start, the count and the time zone (an IANA name such as
// UTC or Europe/Berlin, given to CronExpression.setTimeZone).
//
// Output (stdout), one line per query, in order:
//
//     ERR<TAB>message          the expression does not parse (ParseException)
//     t1<TAB>t2<TAB>...        up to count fire times, epoch millis, each
//                              computed with getNextValidTimeAfter from the
//                              previous one (the first from the start),
//                              in the query's time zone
//
// A fire-time line ends early with NONE when getNextValidTimeAfter returns
// null, with EXC when it throws, and with HANG when it does not return
// within the time limit (Quartz can loop forever).
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.quartz.CronExpression;

public final class QuartzOracle {
    /** How long one query may search; -Doracle.timeLimitMillis overrides it. */
    private static final long TIME_LIMIT_MILLIS = Long.getLong("oracle.timeLimitMillis", 1500L);

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        String line;
        while ((line = in.readLine()) != null) {
            int zoneTab = line.lastIndexOf('\t');
            int countTab = zoneTab > 0 ? line.lastIndexOf('\t', zoneTab - 1) : -1;
            int startTab = countTab > 0 ? line.lastIndexOf('\t', countTab - 1) : -1;
            if (startTab < 0) {
                out.println("BADINPUT");
                continue;
            }
            String expr = line.substring(0, startTab);
            long start = Long.parseLong(line.substring(startTab + 1, countTab));
            int count = Integer.parseInt(line.substring(countTab + 1, zoneTab));
            TimeZone zone = TimeZone.getTimeZone(line.substring(zoneTab + 1));
            out.println(answer(expr, start, count, zone));
        }
        out.flush();
    }

    /** Runs one query on a worker thread so that an endless search can be cut off. */
    @SuppressWarnings("deprecation")
    private static String answer(String expr, long start, int count, TimeZone zone) throws InterruptedException {
        List<String> result = new ArrayList<>();
        Thread worker = new Thread(() -> query(expr, start, count, zone, result));
        worker.setDaemon(true);
        worker.start();
        worker.join(TIME_LIMIT_MILLIS);
        if (worker.isAlive()) {
            try {
                worker.stop(); // Java 17 still honours this; the search holds no locks
            } catch (UnsupportedOperationException e) {
                // Java 20 and later: the daemon thread keeps running.
            }
            worker.join(TIME_LIMIT_MILLIS);
            synchronized (result) {
                result.add("HANG");
                return String.join("\t", result);
            }
        }
        synchronized (result) {
            return String.join("\t", result);
        }
    }

    private static void query(String expr, long start, int count, TimeZone zone, List<String> result) {
        CronExpression ce;
        try {
            ce = new CronExpression(expr);
        } catch (ThreadDeath t) {
            throw t;
        } catch (Throwable t) {
            String msg = String.valueOf(t.getMessage()).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
            synchronized (result) {
                result.add("ERR");
                result.add(msg);
            }
            return;
        }
        ce.setTimeZone(zone);
        Date d = new Date(start);
        for (int i = 0; i < count; i++) {
            Date next;
            try {
                next = ce.getNextValidTimeAfter(d);
            } catch (ThreadDeath t) {
                throw t; // stopped by answer(), which reports HANG
            } catch (Throwable t) {
                synchronized (result) {
                    result.add("EXC");
                }
                return;
            }
            if (next == null) {
                synchronized (result) {
                    result.add("NONE");
                }
                return;
            }
            synchronized (result) {
                result.add(Long.toString(next.getTime()));
            }
            d = next;
        }
    }
}
