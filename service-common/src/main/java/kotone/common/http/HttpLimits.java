package kotone.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kotone.http")
public interface HttpLimits {

    /** Bodies larger than this are refused with 413 before they are read. */
    @WithDefault("512K")
    MemorySize maxBodySize();
}
