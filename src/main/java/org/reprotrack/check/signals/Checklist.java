package org.reprotrack.check.signals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The five checklist items of one repository, in {@link ChecklistItem} order. */
public record Checklist(List<ItemResult> items) {

    public Checklist {
        items = List.copyOf(items);
        if (items.size() != ChecklistItem.values().length) {
            throw new IllegalArgumentException("a checklist has exactly " + ChecklistItem.values().length + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).item() != ChecklistItem.values()[i]) {
                throw new IllegalArgumentException("checklist items out of order at " + i);
            }
        }
    }

    /** Builds from a map that must hold every item. */
    public static Checklist of(Map<ChecklistItem, ItemResult> byItem) {
        Map<ChecklistItem, ItemResult> copy = new EnumMap<>(byItem);
        return new Checklist(List.copyOf(copy.values()));
    }

    /** 0 to 5: how many items are present. */
    public int score() {
        return (int) items.stream().filter(ItemResult::present).count();
    }

    public ItemResult get(ChecklistItem item) {
        return items.get(item.ordinal());
    }
}
