package poker.readside;

/** One running instance of a projection: its name and the tag slice it reads ({@code table-2}). */
public record ProjectionInstance(String name, String slice) {
}
