"""Complete the look: CSA-Net (Lin, Tran, Davis, CVPR 2020) on the frozen shared backbone."""
