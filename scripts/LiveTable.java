import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Scanner;
import java.util.concurrent.CompletionStage;

/**
 * A minimal live-table client: prints every frame of a table's socket and sends what you type.
 *
 *   java scripts/LiveTable.java localhost:8080 TABLE_ID TOKEN [FROM_SEQ]
 *
 * Type a JSON frame and press enter, e.g.
 *   {"type":"action","handNumber":1,"action":"call"}
 *   {"type":"action","handNumber":1,"action":"raise","amount":40}
 *   {"type":"ping"}
 */
public class LiveTable {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java scripts/LiveTable.java HOST:PORT TABLE_ID TOKEN [FROM_SEQ]");
            System.exit(2);
        }
        String uri = "ws://" + args[0] + "/api/tables/" + args[1] + "/live?token=" + args[2]
                + (args.length > 3 ? "&fromSeq=" + args[3] : "");
        StringBuilder partial = new StringBuilder();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(uri), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            System.out.println(partial);
                            System.out.flush();
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        System.out.println("error: " + error);
                        System.exit(1);
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        System.out.println("closed: " + status + " " + reason);
                        System.exit(0);
                        return null;
                    }
                }).join();
        Scanner in = new Scanner(System.in);
        while (in.hasNextLine()) {
            String line = in.nextLine().trim();
            if (!line.isEmpty()) {
                socket.sendText(line, true).join();
            }
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
