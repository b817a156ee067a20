package dev.kida.escape.ffi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LibraryResourceTest {
    @Test
    void theMarkerClassIsThereExactlyWhenTheLibraryIs() {
        // the pom deletes the marker when gcc made no library; both answers must agree, whichever
        // way this machine's build went
        boolean library = LibraryResource.class.getResource(LibraryResource.PATH) != null;
        assertEquals(library, LibraryResource.built());
    }
}
