/**
 * {@code torch.save} and {@code torch.load} of state_dicts in PyTorch's zip format, behind
 * {@link dev.djlfit.torch.Torch#save} and {@link dev.djlfit.torch.Torch#load}: a pickle writer
 * and reader, a stored-zip writer, and the state_dict layouts on top of them. Java and PyTorch
 * read each other's files; see {@link dev.djlfit.torch.serialization.StateDictFile} for what holds.
 */
package dev.djlfit.torch.serialization;
