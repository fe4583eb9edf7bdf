package poker.infra;

/**
 * Marker for messages that cross nodes (commands, replies): bound to Pekko's jackson-json
 * serializer in serialization.conf. Persisted events and snapshots have bindings of their own.
 */
public interface JsonSerializable {
}
