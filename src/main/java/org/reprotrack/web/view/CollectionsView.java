package org.reprotrack.web.view;

import java.util.List;
import org.reprotrack.store.CollectionRow;

/** The list of collections. */
public record CollectionsView(List<CollectionRow> collections) {
    public CollectionsView {
        collections = List.copyOf(collections);
    }
}
