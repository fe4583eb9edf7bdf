package poker.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * What the benchmark's sockets need of a live frame, and what they count: a frame's {@code type} and
 * {@code seq} read from its first characters (a spectator does not parse the rest), a socket's tally of
 * frames against the table's sequence numbers, and the delivery lag of each frame after the HTTP answer of
 * the action that wrote it ({@link Deliveries}).
 */
final class LiveFrames {

    private LiveFrames() {
    }

    /** The number after {@code "seq":}, or -1 when there is none. */
    static long seqOf(CharSequence text) {
        int at = indexOf(text, "\"seq\":");
        if (at < 0) {
            return -1;
        }
        int i = at + 6;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        long seq = 0;
        int digits = 0;
        for (; i < text.length() && Character.isDigit(text.charAt(i)); i++, digits++) {
            seq = seq * 10 + (text.charAt(i) - '0');
        }
        return digits == 0 ? -1 : seq;
    }

    /** The string after {@code "type":}, or "" when there is none. */
    static String typeOf(CharSequence text) {
        int at = indexOf(text, "\"type\":\"");
        if (at < 0) {
            return "";
        }
        int start = at + 8;
        int end = start;
        while (end < text.length() && text.charAt(end) != '"') {
            end++;
        }
        return end < text.length() ? text.subSequence(start, end).toString() : "";
    }

    private static int indexOf(CharSequence text, String needle) {
        outer:
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (text.charAt(i + j) != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * One socket's count of its frames: the snapshot's seq, then event frames, which should come one seq
     * after the other. A jump is counted as that many missing frames, a seq at or below the last one as a
     * duplicate. Called by one socket's listener at a time; read once the socket is quiet.
     */
    static final class Tally {
        private volatile long snapshotSeq = -1;
        private volatile long lastSeq = -1;
        private volatile long events;
        private volatile long missing;
        private volatile long duplicates;

        void frame(String type, long seq) {
            if (type.equals("snapshot")) {
                if (snapshotSeq < 0) {
                    snapshotSeq = seq;
                }
                lastSeq = Math.max(lastSeq, seq);
            } else if (type.equals("event") && seq >= 0) {
                events++;
                if (lastSeq < 0) {
                    lastSeq = seq; // no snapshot seen: counted from the first event
                    snapshotSeq = seq - 1;
                } else if (seq <= lastSeq) {
                    duplicates++;
                } else {
                    missing += seq - lastSeq - 1;
                    lastSeq = seq;
                }
            }
        }

        long snapshotSeq() {
            return snapshotSeq;
        }

        long lastSeq() {
            return lastSeq;
        }

        long events() {
            return events;
        }

        /** Event frames expected up to {@code head} (the table's last seq): those after the snapshot. */
        long expected(long head) {
            return snapshotSeq < 0 ? 0 : Math.max(0, head - snapshotSeq);
        }

        /** Frames missing up to {@code head}: the gaps, and the tail not received yet (0 for a socket never opened). */
        long missing(long head) {
            return snapshotSeq < 0 ? 0 : missing + Math.max(0, head - lastSeq);
        }

        /** The socket got its first frame. */
        boolean opened() {
            return snapshotSeq >= 0;
        }

        long duplicates() {
            return duplicates;
        }
    }

    /**
     * Sums the tallies of a run's sockets against the table's last seq: expected and received up to it (sockets
     * that never opened left out), missing, twice.
     */
    static Results.Frames sum(Iterable<Tally> tallies, java.util.function.ToLongFunction<Tally> head) {
        long sockets = 0;
        long expected = 0;
        long received = 0;
        long missing = 0;
        long duplicates = 0;
        for (Tally t : tallies) {
            if (!t.opened()) {
                continue;
            }
            long h = head.applyAsLong(t);
            sockets++;
            expected += t.expected(h);
            received += t.expected(h) - t.missing(h);
            missing += t.missing(h);
            duplicates += t.duplicates();
        }
        return new Results.Frames(sockets, expected, received, missing, duplicates);
    }

    /**
     * Delivery lag against the HTTP answer of the action that wrote an event: the answer carries the seq of
     * the write's last event; each socket's frame of that seq is timed after the answer (and after the
     * request was sent). A frame may come before the answer (the push raced the HTTP reply): it waits here
     * until the answer, is counted in {@link #beforeAnswer} and recorded as 0. Frames of seqs no action
     * answered (a hand dealt by the timer, the other events of a write) are not timed here.
     */
    static final class Deliveries {

        private static final int KEEP = 256;

        private final ConcurrentHashMap<String, ConcurrentHashMap<Long, Ref>> tables = new ConcurrentHashMap<>();
        private final Histogram afterAnswer = LoadRunner.histogram();
        private final Histogram afterSend = LoadRunner.histogram();
        private final AtomicLong beforeAnswer = new AtomicLong();
        private volatile boolean recording = true;

        /** Timed frames waiting for their answer, or the answer once it came. */
        private static final class Ref {
            long sent;
            long answered;
            long[] early = new long[4];
            int earlyCount;
        }

        void stopRecording() {
            recording = false;
        }

        /** Forgets what was recorded so far (a warm-up): the figures count from here. */
        synchronized void reset() {
            afterAnswer.reset();
            afterSend.reset();
            beforeAnswer.set(0);
        }

        void answered(String table, long seq, long sentNanos, long answeredNanos) {
            ConcurrentHashMap<Long, Ref> refs = refs(table);
            Ref ref = refs.computeIfAbsent(seq, s -> new Ref());
            synchronized (ref) {
                ref.sent = sentNanos;
                ref.answered = answeredNanos;
                for (int i = 0; i < ref.earlyCount; i++) {
                    record(ref, ref.early[i]);
                }
                ref.early = null;
                ref.earlyCount = 0;
            }
            // seqs no answer came for (timer events, early frames of other events) are let go
            refs.keySet().removeIf(s -> s < seq - KEEP);
        }

        void arrived(String table, long seq, long nanos) {
            Ref ref = refs(table).computeIfAbsent(seq, s -> new Ref());
            synchronized (ref) {
                if (ref.answered != 0) {
                    record(ref, nanos);
                } else if (ref.early != null) {
                    if (ref.earlyCount == ref.early.length) {
                        ref.early = java.util.Arrays.copyOf(ref.early, ref.early.length * 2);
                    }
                    ref.early[ref.earlyCount++] = nanos;
                }
            }
        }

        private void record(Ref ref, long arrived) {
            if (!recording) {
                return;
            }
            long lag = arrived - ref.answered;
            if (lag < 0) {
                beforeAnswer.incrementAndGet();
            }
            synchronized (this) {
                afterAnswer.recordValue(Math.max(0, lag) / 1000);
                afterSend.recordValue(Math.max(0, arrived - ref.sent) / 1000);
            }
        }

        private ConcurrentHashMap<Long, Ref> refs(String table) {
            return tables.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
        }

        synchronized Results.Latency afterAnswer() {
            return Results.Latency.of(afterAnswer);
        }

        synchronized Results.Latency afterSend() {
            return Results.Latency.of(afterSend);
        }

        long beforeAnswer() {
            return beforeAnswer.get();
        }
    }
}
