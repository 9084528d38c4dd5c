package org.reprotrack;
public final class Main { public static void main(String[] a) {} }
