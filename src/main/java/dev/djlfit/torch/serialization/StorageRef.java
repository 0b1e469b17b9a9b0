package dev.djlfit.torch.serialization;

/**
 * What a pickle's persistent id {@code ('storage', torch.FloatStorage, key, location, numel)}
 * names: the archive entry {@code data/<key>} and its element type ({@code dtype} null for a
 * storage class this reader does not convert, named by {@code storageClass}).
 */
record StorageRef(String key, String storageClass, StorageDtype dtype, String location) {}
