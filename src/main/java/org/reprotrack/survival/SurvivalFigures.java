package org.reprotrack.survival;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every grouping's curves, computed once per refresh of the listing and then only read. Groups
 * of a grouping with many values (categories, hosts) keep the {@link #MAX_GROUPS} largest and fold
 * the rest into {@code other}; years, promise and score bands are shown in their natural order.
 *
 * @param computedAt when the observations were read
 * @param links links observed (censored or not)
 * @param undated code links left out for want of a publication date
 * @param unchecked code links left out for want of a verdict
 * @param groups the figures per grouping; {@link Grouping#ALL} has one group
 */
public record SurvivalFigures(Instant computedAt, int links, int undated, int unchecked, Map<Grouping, List<GroupFigures>> groups) {

    /** The most groups one grouping shows; the rest are one group {@code other}. */
    public static final int MAX_GROUPS = 12;
    public static final String OTHER = "other";

    public SurvivalFigures {
        groups = Map.copyOf(groups);
    }

    /** No observations yet (before the first refresh). */
    public static SurvivalFigures empty(Instant at) {
        return of(List.of(), 0, 0, at);
    }

    public List<GroupFigures> of(Grouping grouping) {
        return groups.getOrDefault(grouping, List.of());
    }

    /** Fits every grouping's curves with log-log bands. */
    public static SurvivalFigures of(List<Subject> subjects, int undated, int unchecked, Instant at) {
        Map<Grouping, List<GroupFigures>> groups = new EnumMap<>(Grouping.class);
        for (Grouping g : Grouping.values()) {
            groups.put(g, figures(g, subjects));
        }
        return new SurvivalFigures(at, subjects.size(), undated, unchecked, groups);
    }

    private static List<GroupFigures> figures(Grouping grouping, List<Subject> subjects) {
        Map<String, List<Subject>> byGroup = new HashMap<>();
        for (Subject s : subjects) {
            byGroup.computeIfAbsent(grouping.group(s), k -> new ArrayList<>()).add(s);
        }
        List<Map.Entry<String, List<Subject>>> entries = new ArrayList<>(byGroup.entrySet());
        boolean bySize = grouping == Grouping.CATEGORY || grouping == Grouping.HOST;
        if (bySize) {
            entries.sort(Comparator.<Map.Entry<String, List<Subject>>>comparingInt(e -> -e.getValue().size())
                    .thenComparing(Map.Entry::getKey));
            if (entries.size() > MAX_GROUPS) {
                List<Subject> rest = new ArrayList<>();
                entries.subList(MAX_GROUPS - 1, entries.size()).forEach(e -> rest.addAll(e.getValue()));
                entries = new ArrayList<>(entries.subList(0, MAX_GROUPS - 1));
                entries.add(Map.entry(OTHER, rest));
            }
        } else {
            entries.sort(Map.Entry.comparingByKey(Comparator.comparing(SurvivalFigures::naturalKey)));
        }
        List<GroupFigures> out = new ArrayList<>(entries.size());
        for (Map.Entry<String, List<Subject>> e : entries) {
            out.add(GroupFigures.of(e.getKey(), KaplanMeier.fit(e.getValue(), ConfidenceTransform.LOG_LOG)));
        }
        return out;
    }

    /** "not promised" before "promised", "no signals" after the score bands, years in order. */
    private static String naturalKey(String group) {
        return switch (group) {
            case "not promised" -> "0";
            case "promised" -> "1";
            case Grouping.NO_SCORE -> "~";
            default -> group;
        };
    }
}
