# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-orthogonal.gp` in this folder (reads weights-orthogonal.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-orthogonal.png'
set style fill solid 0.5 noborder
set grid
set multiplot layout 4,3 title 'Orthogonal (tanh gain): each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.010182642638683318
set xrange [-0.25757224231958387:0.2719251748919487]
set xtics 0.1
plot 'weights-orthogonal.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.02334147334098816
set xrange [-0.6090667808055877:0.6046898329257965]
set xtics 0.2
plot 'weights-orthogonal.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.023072808980941772
set xrange [-0.5393660366535187:0.6604200303554535]
set xtics 0.2
plot 'weights-orthogonal.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.023450827598571776
set xrange [-0.6289497971534729:0.5904932379722595]
set xtics 0.2
plot 'weights-orthogonal.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.022342737913131714
set xrange [-0.5991706216335296:0.5626517498493194]
set xtics 0.2
plot 'weights-orthogonal.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.021814326047897337
set xrange [-0.5601054227352142:0.5742395317554474]
set xtics 0.2
plot 'weights-orthogonal.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.022586461305618286
set xrange [-0.5499917232990265:0.6245042645931244]
set xtics 0.2
plot 'weights-orthogonal.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.02478658437728882
set xrange [-0.6042855906486512:0.6846167969703675]
set xtics 0.2
plot 'weights-orthogonal.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.022668459415435792
set xrange [-0.5943793439865113:0.5843805456161499]
set xtics 0.2
plot 'weights-orthogonal.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.026341590881347656
set xrange [-0.7347636556625367:0.6349990701675415]
set xtics 0.2
plot 'weights-orthogonal.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 11'
set boxwidth 0.017863051891326906
set xrange [-0.49117191314697267:0.4377067852020264]
set xtics 0.2
plot 'weights-orthogonal.dat' index 10 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 10 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
