package poker.http;

import java.time.Duration;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BidiShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;

/**
 * Closes a connection that does not deliver a complete request head within {@code timeout} of being
 * opened or of our previous response. pekko-http has no such timeout of its own (akka-http issue 813):
 * its idle-timeout restarts with every byte, so a client that trickles a header a byte at a time
 * holds a connection for as long as it likes. Materialized once per connection around the route's
 * flow; an upgraded WebSocket (101) is exempt from then on.
 */
final class RequestHeadTimeout extends GraphStage<BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse>> {

    private static final String HEAD = "head";

    private final Inlet<HttpRequest> requestsIn = Inlet.create("RequestHeadTimeout.requestsIn");
    private final Outlet<HttpRequest> requestsOut = Outlet.create("RequestHeadTimeout.requestsOut");
    private final Inlet<HttpResponse> responsesIn = Inlet.create("RequestHeadTimeout.responsesIn");
    private final Outlet<HttpResponse> responsesOut = Outlet.create("RequestHeadTimeout.responsesOut");
    private final BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse> shape =
            BidiShape.of(requestsIn, requestsOut, responsesIn, responsesOut);
    private final Duration timeout;

    private RequestHeadTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@code handler} with the timeout around it, for {@code bindFlow}. */
    static Flow<HttpRequest, HttpResponse, NotUsed> around(Flow<HttpRequest, HttpResponse, NotUsed> handler,
                                                          Duration timeout) {
        return BidiFlow.fromGraph(new RequestHeadTimeout(timeout)).join(handler);
    }

    @Override
    public BidiShape<HttpRequest, HttpRequest, HttpResponse, HttpResponse> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes attributes) {
        return new TimerGraphStageLogic(shape) {
            {
                setHandler(requestsIn, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        cancelTimer(HEAD);
                        push(requestsOut, grab(requestsIn));
                    }

                    @Override
                    public void onUpstreamFinish() {
                        // the client finished sending; a response in flight still goes out
                        complete(requestsOut);
                    }
                });
                setHandler(requestsOut, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        pull(requestsIn);
                    }

                    @Override
                    public void onDownstreamFinish(Throwable cause) {
                        cancel(requestsIn, cause);
                    }
                });
                setHandler(responsesIn, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        HttpResponse response = grab(responsesIn);
                        if (response.status().intValue() != 101) {
                            scheduleOnce(HEAD, timeout);
                        }
                        push(responsesOut, response);
                    }

                    @Override
                    public void onUpstreamFinish() {
                        complete(responsesOut);
                    }
                });
                setHandler(responsesOut, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        pull(responsesIn);
                    }

                    @Override
                    public void onDownstreamFinish(Throwable cause) {
                        cancel(responsesIn, cause);
                    }
                });
            }

            @Override
            public void preStart() {
                scheduleOnce(HEAD, timeout);
            }

            @Override
            public void onTimer(Object key) {
                completeStage();
            }
        };
    }
}
