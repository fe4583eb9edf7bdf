package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One live owner per data folder; the lock names its owner and is free again once released. */
class DataFolderLockTest {

    @TempDir
    Path home;

    @Test
    void aFolderHeldByALiveOwnerIsRefusedInOneLineNamingTheOwner() {
        Path folder = home.resolve("pgdata");
        try (DataFolderLock held = DataFolderLock.acquire(folder)) {
            assertThatThrownBy(() -> DataFolderLock.acquire(folder))
                    .isInstanceOf(StartRefused.class)
                    .hasMessageContaining(folder.toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        try (DataFolderLock again = DataFolderLock.acquire(folder)) {
            assertThat(DataFolderLock.fileFor(folder)).isEqualTo(home.resolve("pgdata.lock"));
            assertThat(Files.exists(folder)).as("the lock lies next to the folder, which initdb needs empty").isFalse();
        }
    }

    @Test
    void aPidFileNamingNoPostgresOfTheFolderIsNotALiveServer() throws Exception {
        Path folder = Files.createDirectories(home.resolve("pgdata"));
        assertThat(Postmaster.pidInFile(folder)).isEmpty();
        // this JVM's own pid: alive, but not a PostgreSQL working in that folder
        Files.writeString(Postmaster.pidFile(folder), ProcessHandle.current().pid() + "\n" + folder + "\n");
        assertThat(Postmaster.pidInFile(folder)).contains(ProcessHandle.current().pid());
        assertThat(Postmaster.running(folder)).isEmpty();
    }
}
